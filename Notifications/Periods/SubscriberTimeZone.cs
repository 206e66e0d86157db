namespace ConversationBot.Notifications.Periods;

/// <summary>
/// Resolves the subscriber's IANA timezone (Messenger's <c>notification_messages_timezone</c>,
/// docs/messenger-platform.md §3). An absent, unknown or malformed id falls back to UTC: a period in UTC is
/// still a well-defined period, and refusing to message a subscriber because of a timezone typo
/// would break a promise the customer accepted.
/// </summary>
public static class SubscriberTimeZone
{
    public static TimeZoneInfo Resolve(string? ianaId) => Resolve(ianaId, TimeZoneInfo.Utc);

    /// <summary>The zone, else <paramref name="fallback"/> (<c>Delivery:FallbackTimeZone</c> for the time of day a campaign arrives).</summary>
    public static TimeZoneInfo Resolve(string? ianaId, TimeZoneInfo fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            return fallback;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId.Trim());
        }
        catch (TimeZoneNotFoundException)
        {
            return fallback;
        }
        catch (InvalidTimeZoneException)
        {
            return fallback;
        }
    }
}
