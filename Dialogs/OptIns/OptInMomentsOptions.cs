namespace ConversationBot.Dialogs.OptIns;

/// <summary>Which topic fits which moment of a conversation; a topic id, or empty for no offer there.</summary>
public sealed class OptInMomentsOptions
{
    public const string SectionName = "OptInMoments";

    /// <summary>Offered after an order-status answer.</summary>
    public string? AfterOrderStatus { get; init; } = "order-updates";

    /// <summary>Offered after current offers were shown.</summary>
    public string? AfterOffers { get; init; } = "weekly-deals";
}
