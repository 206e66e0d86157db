namespace ConversationBot.Dialogs.Shop;

public sealed class OpeningHoursEntry
{
    public LocalizedText Days { get; init; } = [];

    /// <summary>Times such as "08:00–18:00", the same in every language; empty when <see cref="Closed"/>.</summary>
    public string Hours { get; init; } = string.Empty;

    /// <summary>Closed on these days: the contact card says so in the customer's language ("closed", "geschlossen").</summary>
    public bool Closed { get; init; }
}
