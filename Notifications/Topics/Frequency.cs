namespace ConversationBot.Notifications.Topics;

/// <summary>
/// How often a topic promises to message a subscriber: at most one message per calendar period
/// (see <see cref="Periods.CalendarPeriod"/>) in the subscriber's timezone.
/// </summary>
public enum Frequency
{
    Daily,
    Weekly,
    Monthly,
}
