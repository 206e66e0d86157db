namespace ConversationBot.Dialogs.Shop;

public sealed class OpeningHoursEntry
{
    public LocalizedText Days { get; init; } = [];

    public string Hours { get; init; } = string.Empty;
}
