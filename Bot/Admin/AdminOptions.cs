using ConversationBot.Bot.Security;

namespace ConversationBot.Bot.Admin;

/// <summary>The operators' API. Without a key it is not served at all.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Sent as "Authorization: Bearer &lt;key&gt;" or "X-Api-Key: &lt;key&gt;". Keep it in user secrets, the environment or Key Vault.</summary>
    public string? ApiKey { get; init; }

    public bool IsEnabled => SecretSetting.IsSet(ApiKey);
}
