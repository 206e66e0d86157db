namespace ConversationBot.Dialogs.Shop;

public sealed class OpeningHoursEntry
{
    /// <summary>The days as people read them, in each language ("Monday to Friday"): the contact card's text.</summary>
    public LocalizedText Days { get; init; } = [];

    /// <summary>
    /// The same days as rules ("Monday" … "Sunday"), so the bot can tell whether the shop is open
    /// (<see cref="OpeningSchedule"/>); empty: this entry is text for people only (e.g. public holidays,
    /// which <c>Shop:ClosedDates</c> lists as dates).
    /// </summary>
    public List<string> Weekdays { get; init; } = [];

    /// <summary>Times such as "08:00–18:00" or "08:00–12:00, 13:30–18:00", the same in every language; empty when <see cref="Closed"/>.</summary>
    public string Hours { get; init; } = string.Empty;

    /// <summary>Closed on these days: the contact card says so in the customer's language ("closed", "geschlossen").</summary>
    public bool Closed { get; init; }
}
