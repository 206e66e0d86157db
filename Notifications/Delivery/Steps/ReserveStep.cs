using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>
/// Step 2: decide each open subscriber (send or skip, and through which product) and claim the sends on
/// the subscriptions in one batch (<see cref="Subscription.ClaimSend"/>): one write per send that both
/// reserves the customer's period, so a second campaign running at the same time sees it, and claims the
/// campaign's send, so a second instance of this campaign never sends it again. A subscription changed
/// since the page was read (a stop, another campaign's send) is read again and decided again, so the
/// customer's period is never used twice; one this campaign claimed meanwhile is left to its claimant.
/// </summary>
internal sealed class ReserveStep(ISubscriptionStore subscriptions, RecipientDecision recipients, INotificationSender sender)
{
    /// <summary>Rounds of reserving a step's sends; a subscription still changing after them is recorded as contended, not retried.</summary>
    private const int MaxAttempts = ConflictRetry.Attempts;
    private static readonly CancellationToken None = CancellationToken.None;

    /// <param name="campaignId">The campaign whose sends are claimed.</param>
    /// <param name="open">The subscribers no earlier run reached (<see cref="PriorOutcomeStep"/>).</param>
    /// <param name="owner">The instance claiming.</param>
    /// <param name="now">The instant the step decides at.</param>
    /// <param name="outcomes">Receives the outcome of everyone decided not to be sent (skipped, no sender, contended).</param>
    /// <param name="tried">Receives every reservation handed to the store, saved or not: what to withdraw if saving throws.</param>
    public async Task<List<Reservation>> ReserveAsync(
        string campaignId, List<Subscription> open, string owner, DateTimeOffset now, List<DeliveryRecord> outcomes, List<Reservation> tried)
    {
        var claims = open.ToDictionary(
            s => s.Id, s => DeliveryRecord.Claim(campaignId, s.Id, s.ChannelId, s.CustomerId, owner, now), StringComparer.Ordinal);
        var reserved = new List<Reservation>();
        var pending = open;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var toSave = new List<Subscription>();
            var candidates = new List<Reservation>();
            foreach (var subscription in pending)
            {
                // The page's send restriction is the runner's to check: it puts the whole campaign off rather than skipping anyone.
                var (decision, route) = await recipients.DecideRouteAsync(subscription, now, null, None).ConfigureAwait(false);
                var claim = claims[subscription.Id].Routed(route);
                if (!decision.IsEligible)
                {
                    outcomes.Add(claim.Skipped(decision.Reason!.Value.ToString(), now, decision.NextEligibleAt));
                    if (decision.Reason == NotEligibleReason.Expired && subscription.Expire(now))
                    {
                        toSave.Add(subscription);
                    }

                    continue;
                }

                if (!sender.CanSend(subscription, route.Product))
                {
                    outcomes.Add(claim.Failed(DeliveryReasons.NoSender, route.Product is { } product ? $"no sender for {product}" : $"no sender for channel {subscription.ChannelId}", now, 0));
                    continue;
                }

                var previous = subscription.LastSentAt;
                subscription.ClaimSend(campaignId, owner, now);
                toSave.Add(subscription);
                candidates.Add(new Reservation(subscription, claim, now, previous, route));
            }

            tried.AddRange(candidates);
            var conflicts = (await subscriptions.TrySaveManyAsync(toSave, None).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            reserved.AddRange(candidates.Where(c => !conflicts.Contains(c.Subscription.Id)));
            pending = [];
            foreach (var id in conflicts)
            {
                // An expiry that conflicted needs no retry: the next fan-out marks it again.
                if (candidates.Find(c => c.Subscription.Id == id) is not { } candidate)
                {
                    continue;
                }

                var current = await subscriptions.FindAsync(id, None).ConfigureAwait(false);
                if (current?.SendClaimFor(campaignId) is { } claimed)
                {
                    // This step's own save landed and only its answer was lost: the claim is ours to send.
                    // Anyone else's claim (another instance working this page) is its send and its outcome.
                    if (claimed.IsBy(owner, now))
                    {
                        reserved.Add(candidate with { Subscription = current });
                    }

                    continue;
                }

                if (attempt < MaxAttempts && current is not null)
                {
                    pending.Add(current);
                }
                else if (current is not null && !current.IsActiveAt(now))
                {
                    outcomes.Add(claims[id].Skipped(current.Status.ToString(), now));
                }
                else
                {
                    outcomes.Add(claims[id].Failed(DeliveryReasons.Contended, "the subscription kept changing while the send was reserved", now, 0));
                }
            }
        }

        return reserved;
    }
}
