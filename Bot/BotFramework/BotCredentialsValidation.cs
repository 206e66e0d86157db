using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.BotFramework;

/// <summary>
/// Authentication is the default outside Development: without Bot Framework credentials the host
/// stops at start-up, naming the setting, unless Bot:AllowAnonymous says otherwise (docs/security.md).
/// Any environment that is not Development counts, "Testing" and "Staging" included: the test
/// harnesses set Bot:AllowAnonymous explicitly, as an operator would.
/// </summary>
public sealed class BotCredentialsValidation(IConfiguration configuration, IHostEnvironment environment) : SettingsValidator<BotOptions>(BotOptions.SectionName)
{
    protected override IEnumerable<string> Problems(BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentials = BotCredentials.From(configuration);
        var problems = credentials.Problems().ToList();
        if (credentials.IsAnonymous && !options.AllowAnonymous && !environment.IsDevelopment())
        {
            problems.Add(
                $"{BotCredentials.AppIdSetting} is not set, and outside Development (environment '{environment.EnvironmentName}') the bot accepts only Bot Framework-authenticated requests. " +
                $"Set {BotCredentials.AppIdSetting} and {BotCredentials.PasswordSetting} (or {BotCredentials.AppTypeSetting}=UserAssignedMSI with {BotCredentials.TenantIdSetting}), " +
                $"or set {BotOptions.SectionName}:{nameof(BotOptions.AllowAnonymous)}=true to accept unauthenticated requests (docs/security.md).");
        }

        foreach (var url in options.AllowedServiceUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(parsed.UserInfo))
            {
                problems.Add($"{BotOptions.SectionName}:{nameof(BotOptions.AllowedServiceUrls)} must hold absolute http(s) URLs without user info; '{url}' is not one.");
            }
        }

        return problems;
    }
}
