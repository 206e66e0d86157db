using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>
/// Step 4: record every outcome of the step before the next step claims anyone, withdraw the claims of the
/// subscribers handed back unsent, and apply what the outcomes change on the subscriptions (a retirement,
/// a stop, a region refusal). The outcomes are written first: a crash between the two leaves a claim
/// whose record is final, which the next run counts (<see cref="PriorOutcomeStep"/>).
/// </summary>
internal sealed class RecordStep(IDeliveryStore deliveries, ISubscriptionStore subscriptions, IDeliveryObserver observer)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <returns>The counts the step's outcomes add, and how many subscribers were handed back unsent.</returns>
    public async Task<(DeliveryCounts Counts, int HandedBack)> RecordAsync(List<DeliveryRecord> outcomes, SendBatch sends)
    {
        outcomes.AddRange(sends.Outcomes);
        await deliveries.RecordOutcomesAsync(outcomes, None).ConfigureAwait(false);
        var counts = default(DeliveryCounts);
        foreach (var outcome in outcomes)
        {
            counts += outcome.Counts;
            observer.DeliveryRecorded(outcome);
        }

        var handedBack = sends.HandedBack.ToList();
        foreach (var change in sends.SubscriptionChanges.Concat(handedBack.Select(r => r.Withdraw())))
        {
            await UpdateSubscriptionAsync(change).ConfigureAwait(false);
        }

        return (counts, handedBack.Count);
    }

    /// <summary>Gives back claims made before anything was sent (the reservation failed part-way): a later run decides them afresh.</summary>
    public async Task WithdrawAsync(IEnumerable<Reservation> reservations)
    {
        foreach (var reservation in reservations)
        {
            await UpdateSubscriptionAsync(reservation.Withdraw()).ConfigureAwait(false);
        }
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
