using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>
/// Step 3: send the reserved messages, at most <see cref="DeliveryOptions.MaxParallelSends"/> at once, each
/// with its retries. What a failed attempt comes to is <see cref="FailedSend.Decide"/>'s (a value, tested as a
/// table); this class only carries it out: wait and retry, record the outcome, pause the page or hold the
/// campaign and hand the subscriber back, or send the same claim through the other product.
/// </summary>
internal sealed class SendStep(
    INotificationSender sender,
    PlatformErrorClassifier classifier,
    IPageStatusStore pages,
    MessengerPage messengerPage,
    RecipientDecision recipients,
    EligibilityPolicy eligibility,
    SubscriberLanguages languages,
    DeliveryOptions options,
    TimeProvider clock,
    IDeliveryObserver observer)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <param name="campaign">Whose content goes out, in each subscriber's language.</param>
    /// <param name="reserved">The reserved sends of the step.</param>
    /// <param name="stopping">Stops new attempts (the subscriber is handed back); a send already started finishes and is recorded.</param>
    public async Task<SendBatch> SendAsync(Campaign campaign, IReadOnlyList<Reservation> reserved, CancellationToken stopping)
    {
        var batch = new SendBatch();
        await Parallel.ForEachAsync(
            reserved,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelSends },
            async (item, _) => await SendOneAsync(campaign.ContentFor(languages.Of(item.Subscription.Language)), item, batch, stopping).ConfigureAwait(false)).ConfigureAwait(false);
        SettleTokenRefusals(batch, clock.GetUtcNow());
        return batch;
    }

    private async Task SendOneAsync(CampaignContent content, Reservation reserved, SendBatch batch, CancellationToken stopping)
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
                    batch.Pause(hold.Until, hold.Reason);
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

            batch.Pause(now + options.HeldCampaignRecheck, $"Marketing Messages refused {refused.Count} tokens of one step and accepted none: the access token or the Page is suspected, not the people.");
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

        var route = recipients.Route(item.Subscription);
        var claim = item.Claim.Routed(route);
        if (route.Product is null || route.Product == refusedBy || !sender.CanSend(item.Subscription, route.Product))
        {
            batch.Record(claim.Skipped(DeliveryReasons.NoProductServesRegion, now, null, $"{refusedBy} refused the token's region; {route}"), item.Withdraw());
            return null;
        }

        if (eligibility.NextUnderTokenRule(item.PreviousLastSentAt, route.Product, now) is { } next)
        {
            batch.Record(claim.Skipped(nameof(NotEligibleReason.TooSoonForToken), now, next, $"{refusedBy} refused the token's region; {route.Product} allows it at {next:O}"), item.Withdraw());
            return null;
        }

        return item with { Claim = claim, Route = route };
    }
}
