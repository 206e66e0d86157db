namespace ConversationBot.Notifications.Timing;

/// <summary>
/// The instant a wall clock in a time zone shows a local date and time, across DST changes: a time the
/// spring change skips (02:30 in Zurich on the last Sunday of March) becomes the first minute after the
/// gap (03:00), and a time the autumn change shows twice is its first occurrence (the summer-time one),
/// so a subscriber gets a message once, never twice and never not at all.
/// </summary>
public static class WallClock
{
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Whether the wall clock in <paramref name="zone"/> ever shows <paramref name="time"/> on <paramref name="date"/>.</summary>
    public static bool Exists(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return !zone.IsInvalidTime(date.ToDateTime(time, DateTimeKind.Unspecified));
    }

    /// <summary>The local date and time <paramref name="instant"/> shows in <paramref name="zone"/>.</summary>
    public static (DateOnly Date, TimeOnly Time) Of(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }
}
