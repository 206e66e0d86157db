using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Periods;

/// <summary>
/// One calendar period of a <see cref="Frequency"/> in a timezone, as a half-open interval of
/// instants [<see cref="Start"/>, <see cref="End"/>).
/// <list type="bullet">
/// <item>Daily: the local calendar day, 00:00 to the next 00:00.</item>
/// <item>Weekly: Monday 00:00 to the next Monday 00:00 (docs/messenger-platform.md §1: "Monday 00:00 to Sunday 23:59").</item>
/// <item>Monthly: the 1st 00:00 to the 1st of the next month 00:00.</item>
/// </list>
/// Daylight saving: a period is bounded by local midnights, so it is 23 or 25 hours long (a week
/// 167 or 169 hours) across a change. When a local midnight does not exist (a spring-forward gap
/// starting at or spanning midnight) the period starts at the first instant whose local date is the
/// new day, i.e. the transition itself. When a local midnight occurs twice (a fall-back overlap) the
/// period starts at its first occurrence. Both choices keep consecutive periods gap-free and
/// non-overlapping.
/// </summary>
public readonly record struct CalendarPeriod(Frequency Frequency, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The period of <paramref name="frequency"/> in <paramref name="zone"/> that contains <paramref name="instant"/>.</summary>
    public static CalendarPeriod Containing(DateTimeOffset instant, Frequency frequency, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        var first = FirstDay(localDate, frequency);
        var next = NextFirstDay(first, frequency);
        return new CalendarPeriod(frequency, StartOfLocalDay(first, zone), StartOfLocalDay(next, zone));
    }

    /// <summary>Whether <paramref name="instant"/> lies in [<see cref="Start"/>, <see cref="End"/>).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The first instant whose local date (in <paramref name="zone"/>) is <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOfLocalDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        if (zone.IsAmbiguousTime(midnight))
        {
            // Earliest occurrence = the local time minus the larger offset.
            var offsets = zone.GetAmbiguousTimeOffsets(midnight);
            var largest = offsets.Max();
            return new DateTimeOffset(midnight - largest, TimeSpan.Zero);
        }

        if (zone.IsInvalidTime(midnight))
        {
            return FirstInstantAtOrAfterLocal(midnight, zone);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static DateTimeOffset FirstInstantAtOrAfterLocal(DateTime local, TimeZoneInfo zone)
    {
        // In a gap, every instant before the transition shows a local time earlier than `local`
        // and every instant from the transition on shows one later: search minute by minute
        // between the two offsets' readings (zone transitions fall on whole minutes).
        var before = zone.GetUtcOffset(local.AddDays(-1));
        var after = zone.GetUtcOffset(local.AddDays(1));
        var low = new DateTimeOffset(local - (before > after ? before : after), TimeSpan.Zero);
        var high = new DateTimeOffset(local - (before > after ? after : before), TimeSpan.Zero);
        for (var candidate = low; candidate < high; candidate = candidate.AddMinutes(1))
        {
            if (TimeZoneInfo.ConvertTime(candidate, zone).DateTime >= local)
            {
                return candidate;
            }
        }

        return high;
    }

    private static DateOnly FirstDay(DateOnly date, Frequency frequency) => frequency switch
    {
        Frequency.Daily => date,
        Frequency.Weekly => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        Frequency.Monthly => new DateOnly(date.Year, date.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency."),
    };

    private static DateOnly NextFirstDay(DateOnly first, Frequency frequency) => frequency switch
    {
        Frequency.Daily => first.AddDays(1),
        Frequency.Weekly => first.AddDays(7),
        Frequency.Monthly => first.AddMonths(1),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency."),
    };
}
