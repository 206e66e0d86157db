using System.Collections.Concurrent;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Timing;
using ConversationBot.Notifications.Topics;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// One page of a campaign, worked in steps of at most <see cref="DeliveryOptions.MaxParallelSends"/>
/// subscribers: claim each, decide send or skip by the <see cref="EligibilityPolicy"/>, reserve the
/// send on the subscription (so a second campaign running at the same time sees it), send with
/// retries, and record every outcome before the next step claims anyone. A crash therefore leaves at
/// most one step's claims without an outcome (the sends in flight, recorded as
/// <see cref="DeliveryReasons.OutcomeUnknown"/> by whoever takes the page over); everyone after them was
/// never claimed nor reserved, so they are sent once after the restart and keep their period. Store
/// calls are made per step, not per subscriber, which keeps a large fan-out cheap.
/// </summary>
public sealed class CampaignPageWork(
    IDeliveryStore deliveries,
    ISubscriptionStore subscriptions,
    IPageStatusStore pages,
    MessengerPage messengerPage,
    IMessagingWindowStore windows,
    TopicCatalog topics,
    EligibilityPolicy eligibility,
    PlatformErrorClassifier classifier,
    INotificationSender sender,
    DeliveryOptions options,
    TimeProvider clock,
    IDeliveryObserver observer,
    SubscriberLanguages languages,
    RecipientTiming timing)
{
    private readonly RecipientDecision _recipients = new(windows, topics, eligibility);

    /// <summary>Rounds of reserving a step's sends; a subscription still changing after them is recorded as contended, not retried.</summary>
    private const int MaxReserveAttempts = ConflictRetry.Attempts;
    private static readonly CancellationToken None = CancellationToken.None;

    public async Task<PageResult> RunAsync(Campaign campaign, IReadOnlyList<Subscription> page, string owner, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(page);

        // Only the segment's subscribers due in this pass; those due later wait for a later pass (CampaignWave.cs).
        var wave = CampaignWave.Of(campaign, page, timing, languages);
        var result = await RunDueAsync(campaign, wave.Due, owner, stopping).ConfigureAwait(false);
        return result with { Waiting = wave.Waiting, NextDueAt = wave.NextDueAt };
    }

    private async Task<PageResult> RunDueAsync(Campaign campaign, IReadOnlyList<Subscription> page, string owner, CancellationToken stopping)
    {
        if (page.Count == 0)
        {
            return new PageResult(default, false, null);
        }

        // No look-up first: a page is claimed step by step and only the claims that conflict are read
        // (a fresh subscriber costs a create, not a read of a record that is not there; docs/cosmos-db.md).
        var counts = default(DeliveryCounts);
        foreach (var step in page.Chunk(options.MaxParallelSends))
        {
            if (stopping.IsCancellationRequested)
            {
                // Nobody in this step or after it was claimed: the next run starts the page again.
                return new PageResult(counts, true, null);
            }

            var result = await RunStepAsync(campaign, step, owner, stopping).ConfigureAwait(false);
            counts += result.Counts;
            if (result.Interrupted || result.SendsPausedUntil is not null)
            {
                return result with { Counts = counts };
            }
        }

        return new PageResult(counts, false, null);
    }

    /// <summary>
    /// What earlier runs recorded for this page: final outcomes are counted; a claim without one was
    /// left by an instance that stopped mid-send, so it may have been sent and is recorded as unknown.
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
                counts += Count(record);
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
                counts += Count(outcome);
                observer.DeliveryRecorded(outcome);
            }
        }

        return counts;
    }

    /// <summary>Claims, decides, reserves, sends and records one step of the page.</summary>
    private async Task<PageResult> RunStepAsync(Campaign campaign, IReadOnlyList<Subscription> step, string owner, CancellationToken stopping)
    {
        var now = clock.GetUtcNow();
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

        var claimBySubscription = claims.Where(c => won.Contains(c.SubscriptionId)).ToDictionary(c => c.SubscriptionId, StringComparer.Ordinal);

        var outcomes = new List<DeliveryRecord>();
        List<Reservation> reserved;
        try
        {
            reserved = await ReserveAsync(step.Where(s => won.Contains(s.Id)).ToList(), claimBySubscription, now, outcomes).ConfigureAwait(false);
        }
        catch
        {
            // Nothing was sent yet: hand the claims back, or they would later count as sends of unknown outcome.
            await deliveries.ReleaseAsync(campaign.Id, won, owner, None).ConfigureAwait(false);
            throw;
        }

        var sends = new SendBatch();
        await Parallel.ForEachAsync(
            reserved,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelSends },
            async (item, _) => await SendAsync(campaign.ContentFor(languages.Of(item.Subscription.Language)), item, sends, stopping).ConfigureAwait(false)).ConfigureAwait(false);

        SettleTokenRefusals(sends, clock.GetUtcNow());
        outcomes.AddRange(sends.Outcomes);
        await deliveries.SaveOutcomesAsync(outcomes, None).ConfigureAwait(false);
        var counts = earlier;
        foreach (var outcome in outcomes)
        {
            counts += Count(outcome);
            observer.DeliveryRecorded(outcome);
        }

        var handedBack = sends.HandedBack.ToList();
        if (handedBack.Count > 0)
        {
            await deliveries.ReleaseAsync(campaign.Id, [.. handedBack.Select(r => r.Subscription.Id)], owner, None).ConfigureAwait(false);
        }

        foreach (var change in sends.SubscriptionChanges.Concat(handedBack.Select(Withdraw)))
        {
            await UpdateSubscriptionAsync(change.SubscriptionId, change.Apply).ConfigureAwait(false);
        }

        return new PageResult(counts, handedBack.Count > 0 && sends.PausedUntil is null, sends.PausedUntil);
    }

    /// <summary>
    /// Decides each claimed subscriber and records the sends on the subscriptions in one batch. A
    /// subscription changed since the page was read (a stop, another campaign's send) is read again
    /// and decided again, so the customer's period is never used twice.
    /// </summary>
    private async Task<List<Reservation>> ReserveAsync(
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
                var (decision, route) = await _recipients.DecideRouteAsync(subscription, now, null, None).ConfigureAwait(false);
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
                if (attempt < MaxReserveAttempts && current is not null)
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

    private async Task SendAsync(CampaignContent content, Reservation reserved, SendBatch batch, CancellationToken stopping)
    {
        var item = reserved;
        for (var attempt = 1; ; attempt++)
        {
            if (stopping.IsCancellationRequested || batch.PausedUntil is not null)
            {
                batch.HandBack(item);
                return;
            }

            PlatformError error;
            try
            {
                // Not the stopping token: a send that started is allowed to finish and be recorded.
                var receipt = await sender.SendAsync(item.Subscription, content, item.Route.Product, item.Claim.CampaignId, None).ConfigureAwait(false);
                batch.Record(item.Claim.Sent(clock.GetUtcNow(), attempt, receipt.TrackingId));
                if (item.Route.Product == MessengerProduct.MarketingMessages)
                {
                    batch.TokenAccepted();
                }

                return;
            }
            catch (PlatformRefusedException refused)
            {
                error = refused.Error;
            }
#pragma warning disable CA1031 // A sender's bug must cost one delivery, not the campaign.
            catch (Exception unexpected)
#pragma warning restore CA1031
            {
                error = new PlatformError(null, null, null, $"{unexpected.GetType().Name}: {unexpected.Message}");
            }

            var now = clock.GetUtcNow();
            // The classifier reads some errors by the product the call went through (an access error, a region refusal).
            var action = classifier.Classify(error with { Product = error.Product ?? item.Route.Product }, now, attempt, item.Subscription.NextEligibleAt);
            observer.AttemptFailed(item.Claim, attempt, action);
            switch (FailedSend.Decide(action, item.Claim, attempt, item.ReservedAt, item.PreviousLastSentAt, now, options))
            {
                case FailedSend.Retry retry:
                    try
                    {
                        await Task.Delay(retry.Wait, clock, stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        batch.HandBack(item);
                        return;
                    }

                    continue;
                case FailedSend.PausePage pause:
                    await pages.PauseSendsUntilAsync(messengerPage.Key, pause.Until, None).ConfigureAwait(false);
                    batch.Pause(pause.Until);
                    batch.HandBack(item);
                    return;
                case FailedSend.HoldCampaign hold:
                    // Only this campaign waits; everyone not yet sent stays pending and is sent once when it resumes.
                    batch.Pause(hold.Until);
                    batch.HandBack(item);
                    return;
                case FailedSend.Reroute:
                    if (Rerouted(item, batch, now) is not { } other)
                    {
                        return;
                    }

                    item = other;
                    attempt = 0;
                    continue;
                case FailedSend.Final final when item.Route.Product == MessengerProduct.MarketingMessages && final.Outcome.Reason == DeliveryReasons.SubscriptionRetired:
                    // Decided when the step is done: one dead token is the person's, a whole step of them is our access token's (SettleTokenRefusals).
                    batch.RefuseToken(item, final);
                    return;
                case FailedSend.Final final:
                    batch.Record(final.Outcome, final.Change is null ? null : new SubscriptionChange(item.Subscription.Id, final.Change));
                    return;
                default:
                    throw new System.Diagnostics.UnreachableException("A failed send is retried, final, rerouted or pauses the page or the campaign.");
            }
        }
    }

    /// <summary>
    /// Marketing Messages said "token cannot be loaded" (2300004, 2300037) for some sends of the step. When
    /// at least <see cref="DeliveryOptions.TokenRefusalsBeforeSuspectingAccess"/> were refused and not one
    /// token of the step was accepted, the access token or the Page is the likelier cause than that many
    /// people at once (docs/marketing-messages.md §4): nobody is retired, they go back pending and the
    /// campaign is held. Otherwise each refused subscription is retired.
    /// </summary>
    private void SettleTokenRefusals(SendBatch batch, DateTimeOffset now)
    {
        var refused = batch.TakeTokenRefusals();
        if (refused.Count >= options.TokenRefusalsBeforeSuspectingAccess && batch.TokensAccepted == 0)
        {
            foreach (var (item, _) in refused)
            {
                batch.HandBack(item);
            }

            batch.Pause(now + options.HeldCampaignRecheck);
            return;
        }

        foreach (var (item, final) in refused)
        {
            batch.Record(final.Outcome, final.Change is null ? null : new SubscriptionChange(item.Subscription.Id, final.Change));
        }
    }

    /// <summary>
    /// The product refused this token for its region (nothing went out): the refusal is kept on the
    /// subscription, and the same claim is sent through the other product when it serves the token,
    /// its sender can carry it and its per-token rule allows it now; otherwise the outcome is recorded here
    /// and <c>null</c> returned.
    /// </summary>
    private Reservation? Rerouted(Reservation item, SendBatch batch, DateTimeOffset now)
    {
        var refusedBy = item.Route.Product;
        if (refusedBy is { } product)
        {
            item.Subscription.RefuseRegion(product, now);
            batch.Record(null, new SubscriptionChange(item.Subscription.Id, s => s.RefuseRegion(product, now)));
        }

        var route = _recipients.Route(item.Subscription);
        var claim = item.Claim.Routed(route);
        if (route.Product is null || route.Product == refusedBy || !sender.CanSend(item.Subscription, route.Product))
        {
            batch.Record(claim.Skipped(DeliveryReasons.NoProductServesRegion, now, null, $"{refusedBy} refused the token's region; {route}"), Withdraw(item));
            return null;
        }

        if (eligibility.NextUnderTokenRule(item.PreviousLastSentAt, route.Product, now) is { } next)
        {
            batch.Record(claim.Skipped(nameof(NotEligibleReason.TooSoonForToken), now, next, $"{refusedBy} refused the token's region; {route.Product} allows it at {next:O}"), Withdraw(item));
            return null;
        }

        return item with { Claim = claim, Route = route };
    }

    private static SubscriptionChange Withdraw(Reservation item) =>
        new(item.Subscription.Id, s => s.WithdrawSend(item.ReservedAt, item.PreviousLastSentAt));

    /// <summary>Reads, changes and saves one subscription, again on a conflict (<see cref="ConflictRetry"/>); a change that does nothing is not saved.</summary>
    private Task UpdateSubscriptionAsync(string subscriptionId, Func<Subscription, bool> apply) =>
        ConflictRetry.RunAsync($"Subscription {subscriptionId}", async token =>
        {
            var current = await subscriptions.FindAsync(subscriptionId, token).ConfigureAwait(false);
            return current is null || !apply(current) || await subscriptions.TrySaveAsync(current, token).ConfigureAwait(false)
                ? Round<bool>.Done(true)
                : Round<bool>.Conflict;
        }, None);

    private static DeliveryCounts Count(DeliveryRecord record) => record.State switch
    {
        DeliveryState.Sent => new DeliveryCounts(1, 0, 0),
        DeliveryState.Skipped => new DeliveryCounts(0, 1, 0),
        DeliveryState.Failed => new DeliveryCounts(0, 0, 1),
        _ => default,
    };

    /// <param name="Counts">The page's outcomes.</param>
    /// <param name="Interrupted">Stopped before the end: the page is started again next time.</param>
    /// <param name="SendsPausedUntil">The platform restricted the page from sending until then.</param>
    /// <param name="Waiting">Subscribers of the page not due in this pass.</param>
    /// <param name="NextDueAt">When the first of them is due.</param>
    public sealed record PageResult(DeliveryCounts Counts, bool Interrupted, DateTimeOffset? SendsPausedUntil, long Waiting = 0, DateTimeOffset? NextDueAt = null);

    private sealed record Reservation(Subscription Subscription, DeliveryRecord Claim, DateTimeOffset ReservedAt, DateTimeOffset? PreviousLastSentAt, ProductRoute Route);

    private sealed record SubscriptionChange(string SubscriptionId, Func<Subscription, bool> Apply);

    /// <summary>What the parallel sends of one page produced; written from several tasks at once.</summary>
    private sealed class SendBatch
    {
        private readonly object _pauseLock = new();

        public ConcurrentBag<DeliveryRecord> Outcomes { get; } = [];

        public ConcurrentBag<SubscriptionChange> SubscriptionChanges { get; } = [];

        public ConcurrentBag<Reservation> HandedBack { get; } = [];

        public DateTimeOffset? PausedUntil { get; private set; }

        public void Record(DeliveryRecord? outcome, SubscriptionChange? change = null)
        {
            if (outcome is not null)
            {
                Outcomes.Add(outcome);
            }

            if (change is not null)
            {
                SubscriptionChanges.Add(change);
            }
        }

        public void HandBack(Reservation item) => HandedBack.Add(item);

        private readonly ConcurrentBag<(Reservation Item, FailedSend.Final Final)> _tokenRefusals = [];
        private int _tokensAccepted;

        public int TokensAccepted => Volatile.Read(ref _tokensAccepted);

        public void TokenAccepted() => Interlocked.Increment(ref _tokensAccepted);

        public void RefuseToken(Reservation item, FailedSend.Final final) => _tokenRefusals.Add((item, final));

        public List<(Reservation Item, FailedSend.Final Final)> TakeTokenRefusals() => [.. _tokenRefusals];

        public void Pause(DateTimeOffset until)
        {
            lock (_pauseLock)
            {
                PausedUntil = PausedUntil is { } current && current > until ? current : until;
            }
        }
    }
}
