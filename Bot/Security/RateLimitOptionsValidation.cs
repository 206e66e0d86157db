using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Security;

/// <summary>The rate limits: every limit and window in range, named by full key.</summary>
public sealed class RateLimitOptionsValidation() : SettingsValidator<RateLimitOptions>(RateLimitOptions.SectionName)
{
    protected override IEnumerable<string> Problems(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problems();
    }
}
