using System.Globalization;

namespace ConversationBot.Dialogs.Shop;

/// <summary>How the shop's settings write days: English weekday names and ISO dates, read the same at start-up and by <see cref="OpeningSchedule"/>.</summary>
public static class ShopCalendar
{
    /// <summary>"Monday" … "Sunday" in any case; numbers are refused (the configuration binder would take "1" for Monday).</summary>
    public static DayOfWeek? ParseWeekday(string text) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim().All(char.IsAsciiLetter) && Enum.TryParse<DayOfWeek>(text.Trim(), ignoreCase: true, out var day) ? day : null;

    /// <summary>"2026-12-25".</summary>
    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
