using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>
/// Step 1 of a page's step: set apart the subscribers an earlier run of this campaign already reached.
/// A subscription carrying the campaign's send claim (<see cref="Subscription.ClaimSend"/>) was reserved by
/// an earlier run: its record says how that ended, and without one the instance stopped mid-send, so the
/// send may have gone out and is recorded as unknown, never repeated. A page worked before (taken over,
/// resumed after a pause) may also hold subscribers an earlier run skipped or recorded without a claim,
/// so there every subscriber's record is looked up; a page read for the first time needs no look-up, and
/// a fresh subscriber costs no read of a record that is not there (docs/cost.md).
/// </summary>
internal sealed class PriorOutcomeStep(IDeliveryStore deliveries, TimeProvider clock, IDeliveryObserver observer)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <param name="revisit">The page was worked before: look up every subscriber's record, not only the claimed ones'.</param>
    /// <returns>The subscribers still to decide, and the counts of those an earlier run reached.</returns>
    public async Task<(List<Subscription> Open, DeliveryCounts Earlier)> SeparateAsync(Campaign campaign, IReadOnlyList<Subscription> step, bool revisit)
    {
        var lookUp = revisit ? [.. step] : step.Where(s => s.SendClaimFor(campaign.Id) is not null).ToList();
        if (lookUp.Count == 0)
        {
            return ([.. step], default);
        }

        var records = await deliveries.FindManyAsync(campaign.Id, [.. lookUp.Select(s => s.Id)], None).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var open = new List<Subscription>(step.Count);
        var counts = default(DeliveryCounts);
        var unknown = new List<DeliveryRecord>();
        foreach (var subscription in step)
        {
            records.TryGetValue(subscription.Id, out var record);
            var claim = subscription.SendClaimFor(campaign.Id);
            if (record is { IsFinal: true })
            {
                counts += record.Counts;
            }
            else if (record is not null)
            {
                // Left claimed by an earlier version of the bot, whose claims were the records themselves.
                unknown.Add(record.Failed(DeliveryReasons.OutcomeUnknown, $"claimed by {record.ClaimedBy} at {record.ClaimedAt:O}; not resent", now, record.Attempts));
            }
            else if (claim is not null)
            {
                unknown.Add(DeliveryRecord.Claim(campaign.Id, subscription.Id, subscription.ChannelId, subscription.CustomerId, claim.Owner, claim.At)
                    .Failed(DeliveryReasons.OutcomeUnknown, $"claimed by {claim.Owner} at {claim.At:O}; not resent", now, 0));
            }
            else
            {
                open.Add(subscription);
            }
        }

        if (unknown.Count > 0)
        {
            await deliveries.RecordOutcomesAsync(unknown, None).ConfigureAwait(false);
            foreach (var outcome in unknown)
            {
                counts += outcome.Counts;
                observer.DeliveryRecorded(outcome);
            }
        }

        return (open, counts);
    }
}
