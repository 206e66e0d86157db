namespace ConversationBot.Notifications.Periods;

/// <summary>
/// Resolves the subscriber's IANA timezone (Messenger's <c>notification_messages_timezone</c>,
/// docs/messenger-platform.md §3). An absent, unknown or malformed id falls back to UTC: a period in UTC is
/// still a well-defined period, and refusing to message a subscriber because of a timezone typo
/// would break a promise the customer accepted.
/// </summary>
public static class SubscriberTimeZone
{
    public static TimeZoneInfo Resolve(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId.Trim());
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
