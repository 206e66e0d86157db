using ConversationBot.Bot.Security;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// Signing in to the console with Microsoft Entra ID (OpenID Connect, docs/console.md): the app registration's
/// tenant and client id, its client secret (user secrets, the environment or Key Vault: never the repo), and
/// the app roles <c>Console.Read</c>, <c>Campaigns.Manage</c>, <c>Customers.Manage</c> assigned to people.
/// With it configured, the console's key sign-in is off (the admin API keeps its key).
/// </summary>
public sealed class EntraIdOptions
{
    public const string SectionName = "Console:EntraId";

    /// <summary>The identity platform's address; another cloud's (e.g. https://login.microsoftonline.us/) for sovereign clouds.</summary>
    public Uri Instance { get; init; } = new("https://login.microsoftonline.com/");

    public string? TenantId { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Where the tenant's OpenID Connect metadata is: the v2.0 endpoint, whose tokens carry the app roles as <c>roles</c>.</summary>
    public Uri Authority => new(Instance, $"{TenantId?.Trim()}/v2.0");

    public bool HasSecret => SecretSetting.IsSet(ClientSecret);
}
