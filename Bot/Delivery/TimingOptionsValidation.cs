using ConversationBot.Bot.Hosting;
using ConversationBot.Notifications.Timing;

namespace ConversationBot.Bot.Delivery;

/// <summary>Quiet hours and the fallback time zone: the rules <see cref="TimingOptions.Problems"/> states, each named by full key.</summary>
public sealed class TimingOptionsValidation() : SettingsValidator<TimingOptions>(TimingOptions.SectionName)
{
    protected override IEnumerable<string> Problems(TimingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problems();
    }
}
