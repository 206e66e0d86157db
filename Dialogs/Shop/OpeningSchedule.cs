namespace ConversationBot.Dialogs.Shop;

/// <summary>
/// The shop's opening hours as rules (<c>Shop:TimeZone</c>, each <c>Shop:OpeningHours</c> entry's
/// <c>Weekdays</c> and <c>Hours</c>, <c>Shop:ClosedDates</c>): whether it is open at an instant, until
/// when, or when it opens next. Days and hours are the shop's local ones, so a change to or from
/// daylight saving time moves the instants, not the opening times; an opening time that does not exist
/// that day (the hour skipped in spring) is the first minute after the gap, an ambiguous one (autumn)
/// the earlier of the two. The configuration is checked at start-up
/// (Bot/Hosting/Settings/ShopOptionsValidation.cs), so building this from it does not fail.
/// </summary>
public sealed class OpeningSchedule
{
    /// <summary>How far ahead the next opening is looked for: two weeks covers any holiday closing a shop lists.</summary>
    public const int LookAhead = 14;

    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningRange>> _week;
    private readonly HashSet<DateOnly> _closedDates;

    public OpeningSchedule(TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningRange>> week, IEnumerable<DateOnly> closedDates)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(closedDates);
        _zone = zone;
        _week = week;
        _closedDates = [.. closedDates];
    }

    /// <summary>
    /// The schedule the shop's settings describe, or <c>null</c> when they give no rules (no entry names
    /// its <c>Weekdays</c>): then the opening hours are text for people only and the bot claims nothing
    /// about them.
    /// </summary>
    public static OpeningSchedule? From(ShopOptions shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        if (!shop.OpeningHours.Any(entry => entry.Weekdays.Count > 0) || string.IsNullOrWhiteSpace(shop.TimeZone))
        {
            return null;
        }

        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>>();
        foreach (var entry in shop.OpeningHours)
        {
            var ranges = entry.Closed ? [] : OpeningRange.Parse(entry.Hours).Ranges;
            foreach (var day in entry.Weekdays)
            {
                week[ShopCalendar.ParseWeekday(day) ?? throw new FormatException($"Not a weekday: {day}")] = ranges;
            }
        }

        var closed = shop.ClosedDates.Select(date => ShopCalendar.ParseDate(date) ?? throw new FormatException($"Not a date: {date}"));
        return new OpeningSchedule(TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZone), week, closed);
    }

    public OpeningState At(DateTimeOffset now)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, _zone);
        var today = DateOnly.FromDateTime(localNow.DateTime);
        for (var offset = 0; offset <= LookAhead; offset++)
        {
            var day = today.AddDays(offset);
            if (_closedDates.Contains(day) || !_week.TryGetValue(day.DayOfWeek, out var ranges))
            {
                continue;
            }

            foreach (var range in ranges)
            {
                var opens = Local(day, range.Opens);
                var closes = Local(day, range.Closes);
                if (now < opens)
                {
                    return new OpeningState(localNow, IsOpen: false, ClosesAt: null, OpensAt: opens);
                }

                if (now < closes)
                {
                    return new OpeningState(localNow, IsOpen: true, ClosesAt: closes, OpensAt: null);
                }
            }
        }

        return new OpeningState(localNow, IsOpen: false, ClosesAt: null, OpensAt: null);
    }

    /// <summary>The instant a local day and time of day stand for, with the shop's offset at that instant.</summary>
    private DateTimeOffset Local(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + timeOfDay;
        while (_zone.IsInvalidTime(local))
        {
            // Inside the hour skipped in spring: the first whole minute that exists.
            local = local.AddMinutes(1);
        }

        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offset), _zone);
    }
}
