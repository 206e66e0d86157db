namespace ConversationBot.Notifications.Products;

/// <summary>
/// Meta's delivery estimate for a campaign that would use Marketing Messages (docs/marketing-messages.md, "Meta's
/// estimate"): how many messages the <see cref="Budget"/> would deliver and what they would cost, as lower and upper
/// bounds in the ad account currency's minor unit. Meta estimates for the Page's whole marketing audience within the
/// budget, not for our segment. When Meta gave none, <see cref="Available"/> is false and <see cref="Unavailable"/>
/// says why; the rest of the preview stands without it.
/// </summary>
public sealed record MarketingMessagesEstimate(
    long Budget,
    bool Available,
    long? DeliveredLowerBound,
    long? DeliveredUpperBound,
    long? CostLowerBound,
    long? CostUpperBound,
    string? Unavailable)
{
    public static MarketingMessagesEstimate Of(long budget, long deliveredLower, long deliveredUpper, long costLower, long costUpper) =>
        new(budget, true, deliveredLower, deliveredUpper, costLower, costUpper, null);

    public static MarketingMessagesEstimate NotGiven(long budget, string why) =>
        new(budget, false, null, null, null, null, why);
}
