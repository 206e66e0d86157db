using ConversationBot.Bot.Hosting;
using ConversationBot.Notifications;

namespace ConversationBot.Bot.Notifications;

/// <summary>
/// The notification settings: every problem the domain finds (<see cref="NotificationsOptionsValidator"/>:
/// topics, incentive words, the profile, opt-in, stop-rate and error settings), each naming its key,
/// each once.
/// </summary>
public sealed class NotificationsOptionsValidation() : SettingsValidator<NotificationsOptions>(NotificationsOptions.SectionName)
{
    protected override IEnumerable<string> Problems(NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return NotificationsOptionsValidator.Validate(options);
    }
}
