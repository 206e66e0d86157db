using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>Entra ID sign-in is off, or complete: tenant, client id, secret, and an identity platform reached over HTTPS (plain HTTP only on this machine, for a local stand-in).</summary>
public sealed class EntraIdOptionsValidation() : SettingsValidator<EntraIdOptions>(EntraIdOptions.SectionName)
{
    protected override IEnumerable<string> Problems(EntraIdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            yield return "Console:EntraId:TenantId is required with Console:EntraId:ClientId (the directory (tenant) id of the app registration).";
        }

        if (!options.HasSecret)
        {
            yield return "Console:EntraId:ClientSecret is required with Console:EntraId:ClientId; keep it in user secrets, the environment or Key Vault.";
        }

        if (!options.Instance.IsAbsoluteUri || (options.Instance.Scheme != Uri.UriSchemeHttps && !options.Instance.IsLoopback))
        {
            yield return "Console:EntraId:Instance must be an https:// address (e.g. https://login.microsoftonline.com/).";
        }
    }
}
