namespace ConversationBot.Notifications.Timing;

/// <summary>
/// The hours of the subscriber's night in which no proactive message goes out (<c>Delivery:QuietHours</c>,
/// default 21:00 to 08:00 in the subscriber's time zone). <see cref="Start"/> after <see cref="End"/>
/// spans midnight. A send that would fall inside waits for <see cref="End"/>: late beats a message at 3 a.m.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    /// <summary>No quiet hours at all (Start equals End).</summary>
    public bool IsNone => Start == End;

    /// <summary>The end of the quiet hours <paramref name="at"/> falls in, in <paramref name="zone"/>; <c>null</c> when it falls outside.</summary>
    public DateTimeOffset? EndIfInside(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (IsNone)
        {
            return null;
        }

        var (date, time) = WallClock.Of(at, zone);
        var spansMidnight = Start > End;
        var inside = spansMidnight ? time >= Start || time < End : time >= Start && time < End;
        if (!inside)
        {
            return null;
        }

        // In the evening part of a night that spans midnight the quiet ends tomorrow.
        var endDate = spansMidnight && time >= Start ? date.AddDays(1) : date;
        return WallClock.At(endDate, End, zone);
    }
}
