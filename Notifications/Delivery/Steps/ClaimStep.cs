using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>
/// Step 1 of a page's step: claim each subscriber's delivery for the campaign (a create; a conflict means a
/// record exists). No look-up first: a fresh subscriber costs a create, not a read of a record that is not
/// there (docs/cosmos-db.md). Only the claims that conflict are read, and counted by what earlier runs left.
/// </summary>
internal sealed class ClaimStep(IDeliveryStore deliveries, TimeProvider clock, IDeliveryObserver observer)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The claims won, by subscription id, and the counts of the subscribers an earlier run had claimed.</summary>
    public async Task<(Dictionary<string, DeliveryRecord> Won, DeliveryCounts Earlier)> ClaimAsync(
        Campaign campaign, IReadOnlyList<Subscription> step, string owner, DateTimeOffset now)
    {
        var claims = step.Select(s => DeliveryRecord.Claim(campaign.Id, s.Id, s.ChannelId, s.CustomerId, owner, now)).ToList();
        var won = (await deliveries.TryClaimManyAsync(claims, None).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var earlier = default(DeliveryCounts);
        var lost = step.Where(s => !won.Contains(s.Id)).Select(s => s.Id).ToList();
        if (lost.Count > 0)
        {
            // A record exists for these (an earlier run's, or a claim whose answer was lost and that the
            // SDK retried): the same rules as before, counted if final, unknown if only claimed, never resent.
            var existing = await deliveries.FindManyAsync(campaign.Id, lost, None).ConfigureAwait(false);
            earlier = await RecordEarlierAttemptsAsync(existing.Values).ConfigureAwait(false);
        }

        return (claims.Where(c => won.Contains(c.SubscriptionId)).ToDictionary(c => c.SubscriptionId, StringComparer.Ordinal), earlier);
    }

    /// <summary>Claims given back unsent (nothing went out for them), so a later run claims them afresh.</summary>
    public Task ReleaseAsync(string campaignId, IReadOnlyCollection<string> subscriptionIds, string owner) =>
        subscriptionIds.Count == 0 ? Task.CompletedTask : deliveries.ReleaseAsync(campaignId, subscriptionIds, owner, None);

    /// <summary>
    /// What earlier runs recorded: final outcomes are counted; a claim without one was left by an instance
    /// that stopped mid-send, so it may have been sent and is recorded as unknown.
    /// </summary>
    private async Task<DeliveryCounts> RecordEarlierAttemptsAsync(IEnumerable<DeliveryRecord> records)
    {
        var now = clock.GetUtcNow();
        var counts = default(DeliveryCounts);
        var unknown = new List<DeliveryRecord>();
        foreach (var record in records)
        {
            if (record.IsFinal)
            {
                counts += record.Counts;
            }
            else
            {
                unknown.Add(record.Failed(DeliveryReasons.OutcomeUnknown, $"claimed by {record.ClaimedBy} at {record.ClaimedAt:O}; not resent", now, record.Attempts));
            }
        }

        if (unknown.Count > 0)
        {
            await deliveries.SaveOutcomesAsync(unknown, None).ConfigureAwait(false);
            foreach (var outcome in unknown)
            {
                counts += outcome.Counts;
                observer.DeliveryRecorded(outcome);
            }
        }

        return counts;
    }
}
