using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Security;

/// <summary>The trusted proxies: addresses and CIDR networks that parse, named by full key.</summary>
public sealed class TrustedProxyOptionsValidation() : SettingsValidator<TrustedProxyOptions>(TrustedProxyOptions.SectionName)
{
    protected override IEnumerable<string> Problems(TrustedProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problems();
    }
}
