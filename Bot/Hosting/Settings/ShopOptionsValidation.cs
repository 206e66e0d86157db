using ConversationBot.Dialogs.Shop;

namespace ConversationBot.Bot.Hosting.Settings;

/// <summary>
/// The shop's details: their declared requirements, and opening hours that say either when or that the
/// shop is closed. Entries that name their <c>Weekdays</c> are rules the bot acts on
/// (Dialogs/Shop/OpeningSchedule.cs: telling a waiting customer when a person will answer), so their
/// hours must read as times, no weekday may be given twice, and <c>Shop:TimeZone</c> must be a zone this
/// machine knows. Named by full key.
/// </summary>
public sealed class ShopOptionsValidation() : SettingsValidator<ShopOptions>(ShopOptions.SectionName)
{
    protected override IEnumerable<string> Problems(ShopOptions options)
    {
        var seen = new Dictionary<DayOfWeek, int>();
        for (var i = 0; i < options.OpeningHours.Count; i++)
        {
            var entry = options.OpeningHours[i];
            var key = $"{Section}:OpeningHours:{i}";
            if (entry.Days.Count == 0)
            {
                yield return $"{key}:Days is missing: the days in each language";
            }

            if (entry.Closed != string.IsNullOrWhiteSpace(entry.Hours))
            {
                yield return $"{key} needs either Hours or \"Closed\": true";
            }

            for (var d = 0; d < entry.Weekdays.Count; d++)
            {
                if (ShopCalendar.ParseWeekday(entry.Weekdays[d]) is not { } day)
                {
                    yield return $"{key}:Weekdays:{d} must be a weekday in English (Monday … Sunday), not \"{entry.Weekdays[d]}\"";
                }
                else if (seen.TryGetValue(day, out var earlier))
                {
                    yield return $"{key}:Weekdays:{d} gives {day} again ({Section}:OpeningHours:{earlier} has it already)";
                }
                else
                {
                    seen[day] = i;
                }
            }

            if (entry.Weekdays.Count > 0 && !entry.Closed && !string.IsNullOrWhiteSpace(entry.Hours) && OpeningRange.Parse(entry.Hours).Problem is { } problem)
            {
                yield return $"{key}:Hours: {problem}";
            }
        }

        if (seen.Count > 0 && string.IsNullOrWhiteSpace(options.TimeZone))
        {
            yield return $"{Section}:TimeZone is missing: the zone the opening hours are in (e.g. Europe/Zurich)";
        }
        else if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            yield return $"{Section}:TimeZone \"{options.TimeZone}\" is not a time zone this machine knows (an IANA id such as Europe/Zurich)";
        }

        for (var i = 0; i < options.ClosedDates.Count; i++)
        {
            if (ShopCalendar.ParseDate(options.ClosedDates[i]) is null)
            {
                yield return $"{Section}:ClosedDates:{i} must be a date such as 2026-12-25, not \"{options.ClosedDates[i]}\"";
            }
        }
    }
}
