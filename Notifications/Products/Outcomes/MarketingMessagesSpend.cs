namespace ConversationBot.Notifications.Products.Outcomes;

/// <summary>
/// What a campaign's Marketing Messages cost, from Meta's insights for its Meta campaign (docs/marketing-messages.md,
/// "Spend"): <see cref="Spend"/> and <see cref="CostPerDelivered"/> in the ad account currency as Meta reports them, and
/// the messages Meta counts as delivered (what it charges for), as of <see cref="ReadAt"/>. When Meta gave no answer,
/// <see cref="Available"/> is false and <see cref="Unavailable"/> says why; the rest of the report stands without it.
/// </summary>
public sealed record MarketingMessagesSpend(
    bool Available,
    decimal? Spend,
    decimal? CostPerDelivered,
    long? MetaDelivered,
    DateTimeOffset ReadAt,
    string? Unavailable)
{
    /// <summary>
    /// Meta's figures; without Meta's own cost per delivered message it is the spend over the delivered ones, and there
    /// is none while nothing was delivered (nothing was charged).
    /// </summary>
    public static MarketingMessagesSpend Of(decimal spend, long delivered, decimal? costPerDelivered, DateTimeOffset readAt) =>
        new(true, spend, costPerDelivered ?? (delivered > 0 ? decimal.Round(spend / delivered, 4) : null), delivered, readAt, null);

    public static MarketingMessagesSpend NotGiven(string why, DateTimeOffset readAt) => new(false, null, null, null, readAt, why);
}
