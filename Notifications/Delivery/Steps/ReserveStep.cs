using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>
/// Step 2: decide each claimed subscriber (send or skip, and through which product) and reserve the sends
/// on the subscriptions in one batch, so a second campaign running at the same time sees them. A
/// subscription changed since the page was read (a stop, another campaign's send) is read again and
/// decided again, so the customer's period is never used twice.
/// </summary>
internal sealed class ReserveStep(ISubscriptionStore subscriptions, RecipientDecision recipients, INotificationSender sender)
{
    /// <summary>Rounds of reserving a step's sends; a subscription still changing after them is recorded as contended, not retried.</summary>
    private const int MaxAttempts = ConflictRetry.Attempts;
    private static readonly CancellationToken None = CancellationToken.None;

    /// <param name="claimed">The subscribers whose claims this run won.</param>
    /// <param name="claims">Those claims, by subscription id.</param>
    /// <param name="now">The instant the step decides at.</param>
    /// <param name="outcomes">Receives the outcome of everyone decided not to be sent (skipped, no sender, contended).</param>
    public async Task<List<Reservation>> ReserveAsync(
        List<Subscription> claimed, Dictionary<string, DeliveryRecord> claims, DateTimeOffset now, List<DeliveryRecord> outcomes)
    {
        var reserved = new List<Reservation>();
        var pending = claimed;
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
                subscription.RecordSent(now);
                toSave.Add(subscription);
                candidates.Add(new Reservation(subscription, claim, now, previous, route));
            }

            var conflicts = (await subscriptions.TrySaveManyAsync(toSave, None).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            reserved.AddRange(candidates.Where(c => !conflicts.Contains(c.Subscription.Id)));
            pending = [];
            foreach (var id in conflicts)
            {
                // An expiry that conflicted needs no retry: the next fan-out marks it again.
                if (!candidates.Any(c => c.Subscription.Id == id))
                {
                    continue;
                }

                var current = await subscriptions.FindAsync(id, None).ConfigureAwait(false);
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
