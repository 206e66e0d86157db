using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>
/// Step 4: record every outcome of the step before the next step claims anyone, give back the claims of
/// the subscribers handed back unsent (and withdraw their reservations), and apply what the outcomes
/// change on the subscriptions (a retirement, a stop, a region refusal).
/// </summary>
internal sealed class RecordStep(IDeliveryStore deliveries, ISubscriptionStore subscriptions, ClaimStep claims, IDeliveryObserver observer)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <returns>The counts the step's outcomes add, and how many subscribers were handed back unsent.</returns>
    public async Task<(DeliveryCounts Counts, int HandedBack)> RecordAsync(string campaignId, string owner, List<DeliveryRecord> outcomes, SendBatch sends)
    {
        outcomes.AddRange(sends.Outcomes);
        await deliveries.SaveOutcomesAsync(outcomes, None).ConfigureAwait(false);
        var counts = default(DeliveryCounts);
        foreach (var outcome in outcomes)
        {
            counts += outcome.Counts;
            observer.DeliveryRecorded(outcome);
        }

        var handedBack = sends.HandedBack.ToList();
        await claims.ReleaseAsync(campaignId, [.. handedBack.Select(r => r.Subscription.Id)], owner).ConfigureAwait(false);
        foreach (var change in sends.SubscriptionChanges.Concat(handedBack.Select(r => r.Withdraw())))
        {
            await UpdateSubscriptionAsync(change).ConfigureAwait(false);
        }

        return (counts, handedBack.Count);
    }

    /// <summary>Reads, changes and saves one subscription, again on a conflict (<see cref="ConflictRetry"/>); a change that does nothing is not saved.</summary>
    private Task UpdateSubscriptionAsync(SubscriptionChange change) =>
        ConflictRetry.RunAsync($"Subscription {change.SubscriptionId}", async token =>
        {
            var current = await subscriptions.FindAsync(change.SubscriptionId, token).ConfigureAwait(false);
            return current is null || !change.Apply(current) || await subscriptions.TrySaveAsync(current, token).ConfigureAwait(false)
                ? Round<bool>.Done(true)
                : Round<bool>.Conflict;
        }, None);
}
