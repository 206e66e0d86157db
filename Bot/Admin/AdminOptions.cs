using ConversationBot.Bot.Security;

namespace ConversationBot.Bot.Admin;

/// <summary>The operators' API. Without a key it is not served at all.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// Shorter keys stop the host at start-up. 32 random characters are out of reach of guessing even
    /// without the throttle on failed attempts (<see cref="Security.FailedCredentialsRateLimiterPolicy"/>).
    /// </summary>
    public const int MinimumKeyLength = 32;

    internal const string TooShort = "Admin:ApiKey is shorter than 32 characters. Use a long random key, e.g. `openssl rand -base64 32` (docs/security.md).";

    /// <summary>Sent as "Authorization: Bearer &lt;key&gt;" or "X-Api-Key: &lt;key&gt;". Keep it in user secrets, the environment or Key Vault.</summary>
    public string? ApiKey { get; init; }

    public bool IsEnabled => SecretSetting.IsSet(ApiKey);
}
