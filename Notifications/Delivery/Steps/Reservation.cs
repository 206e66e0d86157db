using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>
/// A subscriber whose send is claimed and reserved on the subscription: what the send step needs, and
/// what withdrawing the claim needs (<see cref="PreviousLastSentAt"/>) if the message never went out.
/// </summary>
internal sealed record Reservation(Subscription Subscription, DeliveryRecord Claim, DateTimeOffset ReservedAt, DateTimeOffset? PreviousLastSentAt, ProductRoute Route)
{
    /// <summary>The claimed send given back: no claim, and the subscription's period as it was before the reservation.</summary>
    public SubscriptionChange Withdraw() => new(Subscription.Id, s => s.WithdrawSend(Claim.CampaignId, ReservedAt, PreviousLastSentAt));
}
