using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery.Steps;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Timing;
using ConversationBot.Notifications.Topics;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// One page of a campaign, worked in steps of at most <see cref="DeliveryOptions.MaxParallelSends"/>
/// subscribers, each step in the four protocol steps of <c>Notifications/Delivery/Steps/</c>: set apart
/// whoever an earlier run reached (<see cref="PriorOutcomeStep"/>), decide send or skip by the
/// <see cref="EligibilityPolicy"/> and claim each send on its subscription, the write that also reserves the
/// customer's period so a second campaign running at the same time sees it (<see cref="ReserveStep"/>), send
/// with retries (<see cref="SendStep"/>), and record every outcome before the next step claims anyone
/// (<see cref="RecordStep"/>). A crash therefore leaves at most one step's claims without an outcome (the
/// sends in flight, recorded as <see cref="DeliveryReasons.OutcomeUnknown"/> by whoever takes the page over);
/// everyone after them was never claimed, so they are sent once after the restart and keep their period.
/// A sent message costs two writes: the subscription's claim and the outcome's record (docs/cost.md).
/// Store calls are made per step, not per subscriber, which keeps a large fan-out cheap.
/// </summary>
public sealed class CampaignPageWork
{
    private readonly PriorOutcomeStep _prior;
    private readonly ReserveStep _reserve;
    private readonly SendStep _send;
    private readonly RecordStep _record;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _clock;
    private readonly SubscriberLanguages _languages;
    private readonly RecipientTiming _timing;

    public CampaignPageWork(
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
        var recipients = new RecipientDecision(windows, topics, eligibility);
        _prior = new PriorOutcomeStep(deliveries, clock, observer);
        _reserve = new ReserveStep(subscriptions, recipients, sender);
        _send = new SendStep(sender, classifier, pages, messengerPage, recipients, eligibility, languages, options, clock, observer);
        _record = new RecordStep(deliveries, subscriptions, observer);
        _options = options;
        _clock = clock;
        _languages = languages;
        _timing = timing;
    }

    /// <param name="revisit">The page was worked before (taken over, resumed): earlier runs may have reached anyone on it.</param>
    public async Task<PageResult> RunAsync(Campaign campaign, IReadOnlyList<Subscription> page, string owner, bool revisit, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(page);

        // Only the segment's subscribers due in this pass; those due later wait for a later pass (CampaignWave.cs).
        var wave = CampaignWave.Of(campaign, page, _timing, _languages);
        var result = await RunDueAsync(campaign, wave.Due, owner, revisit, stopping).ConfigureAwait(false);
        return result with { Waiting = wave.Waiting, NextDueAt = wave.NextDueAt };
    }

    private async Task<PageResult> RunDueAsync(Campaign campaign, IReadOnlyList<Subscription> page, string owner, bool revisit, CancellationToken stopping)
    {
        var counts = default(DeliveryCounts);
        foreach (var step in page.Chunk(_options.MaxParallelSends))
        {
            if (stopping.IsCancellationRequested)
            {
                // Nobody in this step or after it was claimed: the next run starts the page again.
                return new PageResult(counts, true, null);
            }

            var result = await RunStepAsync(campaign, step, owner, revisit, stopping).ConfigureAwait(false);
            counts += result.Counts;
            if (result.Interrupted || result.SendsPausedUntil is not null)
            {
                return result with { Counts = counts };
            }
        }

        return new PageResult(counts, false, null);
    }

    /// <summary>Sets apart, claims, sends and records one step of the page.</summary>
    private async Task<PageResult> RunStepAsync(Campaign campaign, IReadOnlyList<Subscription> step, string owner, bool revisit, CancellationToken stopping)
    {
        var now = _clock.GetUtcNow();
        var (open, earlier) = await _prior.SeparateAsync(campaign, step, revisit).ConfigureAwait(false);
        var outcomes = new List<DeliveryRecord>();
        var tried = new List<Reservation>();
        List<Reservation> reserved;
        try
        {
            reserved = await _reserve.ReserveAsync(campaign.Id, open, owner, now, outcomes, tried).ConfigureAwait(false);
        }
        catch
        {
            // Nothing was sent yet: give the claims back, or they would later count as sends of unknown outcome.
            await _record.WithdrawAsync(tried).ConfigureAwait(false);
            throw;
        }

        var sends = await _send.SendAsync(campaign, reserved, stopping).ConfigureAwait(false);
        var (counts, handedBack) = await _record.RecordAsync(outcomes, sends).ConfigureAwait(false);
        return new PageResult(earlier + counts, handedBack > 0 && sends.PausedUntil is null, sends.PausedUntil, HeldReason: sends.HeldReason);
    }

    /// <param name="Counts">The page's outcomes.</param>
    /// <param name="Interrupted">Stopped before the end: the page is started again next time.</param>
    /// <param name="SendsPausedUntil">The platform restricted the page from sending until then.</param>
    /// <param name="Waiting">Subscribers of the page not due in this pass.</param>
    /// <param name="NextDueAt">When the first of them is due.</param>
    /// <param name="HeldReason">Why a send's answer holds the campaign until <paramref name="SendsPausedUntil"/> (<c>null</c>: the Page is paused).</param>
    public sealed record PageResult(DeliveryCounts Counts, bool Interrupted, DateTimeOffset? SendsPausedUntil, long Waiting = 0, DateTimeOffset? NextDueAt = null, string? HeldReason = null);
}
