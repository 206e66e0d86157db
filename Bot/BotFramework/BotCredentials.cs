using ConversationBot.Bot.Security;

namespace ConversationBot.Bot.BotFramework;

/// <summary>
/// The Bot Framework identity settings as the SDK reads them (ConfigurationBotFrameworkAuthentication:
/// top-level MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId). The SDK
/// turns authentication off when the app id is empty; <see cref="BotCredentialsValidation"/> allows
/// that only in Development or with Bot:AllowAnonymous, and names what an incomplete identity lacks.
/// </summary>
public sealed record BotCredentials(string? AppType, string? AppId, bool HasPassword, string? TenantId)
{
    public const string AppTypeSetting = "MicrosoftAppType";
    public const string AppIdSetting = "MicrosoftAppId";
    public const string PasswordSetting = "MicrosoftAppPassword";
    public const string TenantIdSetting = "MicrosoftAppTenantId";

    /// <summary>The values of MicrosoftAppType the SDK understands (case-insensitive; empty means MultiTenant).</summary>
    public static readonly IReadOnlyList<string> AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    /// <summary>No app id: the SDK accepts every request without a token and sends replies without one.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    public static BotCredentials From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new BotCredentials(
            configuration[AppTypeSetting],
            configuration[AppIdSetting],
            SecretSetting.IsSet(configuration[PasswordSetting]),
            configuration[TenantIdSetting]);
    }

    /// <summary>What an identity that is configured lacks, each naming the setting; empty when anonymous or complete.</summary>
    public IEnumerable<string> Problems()
    {
        if (IsAnonymous)
        {
            yield break;
        }

        var type = string.IsNullOrWhiteSpace(AppType) ? "MultiTenant" : AppType.Trim();
        if (!AppTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{AppTypeSetting} must be one of {string.Join(", ", AppTypes)} (or empty for MultiTenant).";
            yield break;
        }

        var managedIdentity = type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        if (!managedIdentity && !HasPassword)
        {
            yield return $"{PasswordSetting} is not set: {AppIdSetting} is set, and a {type} bot signs its replies with the app's password (or set {AppTypeSetting}=UserAssignedMSI for a managed identity).";
        }

        if (!type.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(TenantId))
        {
            yield return $"{TenantIdSetting} is not set: a {type} bot needs its tenant.";
        }
    }
}
