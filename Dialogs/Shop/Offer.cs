namespace ConversationBot.Dialogs.Shop;

/// <summary>A current offer or recommendation, as configured by the shop.</summary>
public sealed class Offer
{
    public LocalizedText Title { get; init; } = [];

    public LocalizedText Text { get; init; } = [];

    public Uri? ImageUrl { get; init; }

    public Uri? Url { get; init; }
}
