using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Products;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// One campaign's delivery to one subscription. The store keeps at most one per
/// (<see cref="CampaignId"/>, <see cref="SubscriptionId"/>), written once the outcome is known; the claim
/// that makes a send at most once across restarts and instances is on the subscription
/// (<see cref="Subscriptions.Subscription.ClaimSend"/>), and <see cref="ClaimedBy"/>/<see cref="ClaimedAt"/> say who made it.
/// On Messenger it also says which product carried the message and why (<see cref="Routed"/>): the
/// two are billed differently and reported side by side.
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
    DateTimeOffset? NextEligibleAt,
    MessengerProduct? Product = null,
    ProductRouteReason? Route = null,
    string? TrackingId = null)
{
    public static DeliveryRecord Claim(string campaignId, string subscriptionId, string channelId, string customerId, string owner, DateTimeOffset at) =>
        new(campaignId, subscriptionId, channelId, customerId, DeliveryState.Claimed, null, null, owner, at, null, 0, null);

    public bool IsFinal => State != DeliveryState.Claimed;

    /// <summary>What this record adds to its campaign's counts: one of sent, skipped or failed once final; nothing while only claimed.</summary>
    public DeliveryCounts Counts => State switch
    {
        DeliveryState.Sent => new DeliveryCounts(1, 0, 0),
        DeliveryState.Skipped => new DeliveryCounts(0, 1, 0),
        DeliveryState.Failed => new DeliveryCounts(0, 0, 1),
        _ => default,
    };

    /// <summary>The product chosen for this delivery and the reason (<see cref="ProductRouter"/>).</summary>
    public DeliveryRecord Routed(ProductRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return this with { Product = route.Product, Route = route.Reason };
    }

    /// <summary>The platform took the message; through Marketing Messages that means accepted, and <paramref name="trackingId"/> names it in the webhooks that follow.</summary>
    public DeliveryRecord Sent(DateTimeOffset at, int attempts, string? trackingId = null) =>
        this with { State = DeliveryState.Sent, Reason = null, Detail = null, CompletedAt = at, Attempts = attempts, TrackingId = trackingId };

    public DeliveryRecord Skipped(string reason, DateTimeOffset at, DateTimeOffset? nextEligibleAt = null, string? detail = null) =>
        this with { State = DeliveryState.Skipped, Reason = reason, Detail = detail, CompletedAt = at, NextEligibleAt = nextEligibleAt };

    public DeliveryRecord Failed(string reason, string? detail, DateTimeOffset at, int attempts) =>
        this with { State = DeliveryState.Failed, Reason = reason, Detail = Truncate(detail), CompletedAt = at, Attempts = attempts };

    // Platform bodies can be long; the record keeps enough to diagnose.
    private static string? Truncate(string? detail) => detail is { Length: > 2000 } ? detail[..2000] : detail;
}
