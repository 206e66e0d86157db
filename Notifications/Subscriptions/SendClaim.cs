namespace ConversationBot.Notifications.Subscriptions;

/// <summary>
/// A campaign's send to this subscription, claimed by <see cref="Owner"/> at <see cref="At"/> in the same
/// write that reserves the customer's period (<see cref="Subscription.ClaimSend"/>). It is what makes a
/// campaign's sends at most once: the store saves a subscription only on the version it was read at, so
/// of two instances claiming the same (campaign, subscription) one wins, and a claim whose outcome was
/// never recorded (the instance died mid-send) is reported as unknown, never sent again
/// (Notifications/Delivery/Steps/PriorOutcomeStep.cs).
/// </summary>
public sealed record SendClaim(string CampaignId, string Owner, DateTimeOffset At)
{
    /// <summary>Whether this is the claim <paramref name="owner"/> made at <paramref name="at"/>, as a store gives it back.</summary>
    public bool IsBy(string owner, DateTimeOffset at) => Owner == owner && StoredInstant.Same(At, at);
}
