namespace ConversationBot.Bot.Security;

/// <summary>
/// Whether a secret setting really holds a secret. App Service passes a Key Vault reference it could
/// not resolve (secret missing, identity without access yet) through as its literal text,
/// "@Microsoft.KeyVault(SecretUri=...)", which anyone who reads the templates can guess. Such a value
/// counts as not set, so the feature stays off instead of accepting a guessable key.
/// </summary>
public static class SecretSetting
{
    public static bool IsSet(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
