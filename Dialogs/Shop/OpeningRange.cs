using System.Globalization;

namespace ConversationBot.Dialogs.Shop;

/// <summary>
/// One stretch of a day the shop is open, as local times of day: <see cref="Opens"/> before
/// <see cref="Closes"/>, the latter at most 24:00. Overnight stretches are not supported: a shop open
/// past midnight writes two ranges ("18:00–24:00" and, the next day, "00:00–02:00").
/// </summary>
public sealed record OpeningRange(TimeSpan Opens, TimeSpan Closes)
{
    private static readonly char[] Dashes = ['–', '—', '-'];

    /// <summary>
    /// Reads <c>Shop:OpeningHours:n:Hours</c>: one or more "HH:mm–HH:mm" separated by commas (an en dash,
    /// em dash or hyphen between the times), e.g. "08:00–12:00, 13:30–18:00". The same text is what the
    /// contact card shows, so it stays readable for people and exact for the rules.
    /// </summary>
    /// <returns>The ranges in order, or the problem in words.</returns>
    public static (IReadOnlyList<OpeningRange> Ranges, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = new List<OpeningRange>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var times = part.Split(Dashes, StringSplitOptions.TrimEntries);
            if (times.Length != 2 || !TryTime(times[0], out var opens) || !TryTime(times[1], out var closes))
            {
                return ([], $"\"{part}\" is not a range such as 08:00–18:00");
            }

            if (closes <= opens)
            {
                return ([], $"\"{part}\" closes before it opens (a range past midnight is two ranges: one to 24:00, one from 00:00 the next day)");
            }

            if (ranges.Count > 0 && opens < ranges[^1].Closes)
            {
                return ([], $"\"{part}\" overlaps or comes before the range before it");
            }

            ranges.Add(new OpeningRange(opens, closes));
        }

        return (ranges, null);
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        var parsed = TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var timeOfDay);
        time = parsed ? timeOfDay.ToTimeSpan() : default;
        return parsed;
    }
}
