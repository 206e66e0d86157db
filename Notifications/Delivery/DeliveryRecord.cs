namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// One campaign's delivery to one subscription. The store keeps at most one per
/// (<see cref="CampaignId"/>, <see cref="SubscriptionId"/>): creating it is the claim, and a second
/// claim conflicts, which is what makes a campaign's sends exactly-once across restarts and instances.
/// </summary>
public sealed record DeliveryRecord(
    string CampaignId,
    string SubscriptionId,
    string ChannelId,
    string CustomerId,
    DeliveryState State,
    string? Reason,
    string? Detail,
    string ClaimedBy,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? CompletedAt,
    int Attempts,
    DateTimeOffset? NextEligibleAt)
{
    public static DeliveryRecord Claim(string campaignId, string subscriptionId, string channelId, string customerId, string owner, DateTimeOffset at) =>
        new(campaignId, subscriptionId, channelId, customerId, DeliveryState.Claimed, null, null, owner, at, null, 0, null);

    public bool IsFinal => State != DeliveryState.Claimed;

    public DeliveryRecord Sent(DateTimeOffset at, int attempts) =>
        this with { State = DeliveryState.Sent, Reason = null, Detail = null, CompletedAt = at, Attempts = attempts };

    public DeliveryRecord Skipped(string reason, DateTimeOffset at, DateTimeOffset? nextEligibleAt = null, string? detail = null) =>
        this with { State = DeliveryState.Skipped, Reason = reason, Detail = detail, CompletedAt = at, NextEligibleAt = nextEligibleAt };

    public DeliveryRecord Failed(string reason, string? detail, DateTimeOffset at, int attempts) =>
        this with { State = DeliveryState.Failed, Reason = reason, Detail = Truncate(detail), CompletedAt = at, Attempts = attempts };

    // Platform bodies can be long; the record keeps enough to diagnose.
    private static string? Truncate(string? detail) => detail is { Length: > 2000 } ? detail[..2000] : detail;
}
