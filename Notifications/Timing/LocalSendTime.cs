namespace ConversationBot.Notifications.Timing;

/// <summary>
/// "At 09:00 local": a campaign that reaches each subscriber when their own wall clock shows
/// <see cref="Time"/>, on <see cref="Date"/> when given, else at the first such moment from the campaign's
/// start. So a campaign created at 10:00 UTC for 09:00 reaches New York (05:00 there) the same day and
/// Tokyo (19:00 there) the next morning.
/// </summary>
public sealed record LocalSendTime(TimeOnly Time, DateOnly? Date = null)
{
    /// <summary>The first instant at or after <paramref name="from"/> at which the wall clock in <paramref name="zone"/> shows the time; with a <see cref="Date"/> already past there, <paramref name="from"/> itself.</summary>
    public DateTimeOffset FirstAtOrAfter(DateTimeOffset from, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Date is { } date)
        {
            var on = WallClock.At(date, Time, zone);
            return on >= from ? on : from;
        }

        var (today, _) = WallClock.Of(from, zone);
        var candidate = WallClock.At(today, Time, zone);
        return candidate >= from ? candidate : WallClock.At(today.AddDays(1), Time, zone);
    }
}
