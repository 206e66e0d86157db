using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Works one campaign while this instance holds its lease: page by page through the topic's active
/// subscribers, each page claimed, decided, sent and recorded (see <see cref="CampaignPageWork"/>),
/// then the cursor and the page's counts stored with the lease renewed, in one optimistic write.
/// <para>
/// Exactly-once rests on the delivery record: a subscriber is claimed (a create that conflicts on a
/// second attempt) before anything is sent, so a restart or a second instance finds the record and
/// does not send again. A claim left without an outcome by an instance that died mid-send is
/// recorded as <see cref="DeliveryReasons.OutcomeUnknown"/> and not resent: at most once beats a
/// duplicate. An instance that stops in an orderly way finishes the sends in flight, hands the rest
/// of the page back, and the next run starts that page again.
/// </para>
/// </summary>
public sealed class CampaignRunner
{
    private readonly ICampaignStore _campaigns;
    private readonly CampaignPageWork _pageWork;
    private readonly ISubscriptionStore _subscriptions;
    private readonly IPageStatusStore _pages;
    private readonly MessengerPage _page;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _clock;
    private readonly IDeliveryObserver _observer;

    public CampaignRunner(
        ICampaignStore campaigns,
        CampaignPageWork pageWork,
        ISubscriptionStore subscriptions,
        IPageStatusStore pages,
        MessengerPage page,
        DeliveryOptions options,
        TimeProvider clock,
        IDeliveryObserver observer)
    {
        _campaigns = campaigns;
        _subscriptions = subscriptions;
        _pages = pages;
        _page = page;
        _options = options;
        _clock = clock;
        _observer = observer;
        _pageWork = pageWork;
    }

    /// <param name="campaignId">The campaign to work.</param>
    /// <param name="owner">This instance's lease owner id.</param>
    /// <param name="stopping">Signals that the instance is stopping: sends in flight finish, nothing new starts.</param>
    public async Task<CampaignRunOutcome> RunAsync(string campaignId, string owner, CancellationToken stopping)
    {
        // Store calls use no cancellation: an outcome already sent must be recorded even while stopping.
        var none = CancellationToken.None;
        var campaign = await _campaigns.FindAsync(campaignId, none).ConfigureAwait(false);
        if (campaign is null || stopping.IsCancellationRequested || !campaign.TryAcquireLease(owner, _clock.GetUtcNow(), _options.LeaseDuration))
        {
            return CampaignRunOutcome.NotTaken;
        }

        if (campaign.Audience is null)
        {
            campaign.RecordAudience(await _subscriptions.CountActiveByTopicAsync(campaign.TopicId, none).ConfigureAwait(false));
        }

        campaign = await SaveAndReloadAsync(campaign).ConfigureAwait(false);
        if (campaign is null)
        {
            return CampaignRunOutcome.NotTaken;
        }

        while (true)
        {
            var now = _clock.GetUtcNow();
            if (stopping.IsCancellationRequested)
            {
                campaign.ReleaseLease();
                return await EndAsync(campaign, CampaignRunOutcome.Interrupted).ConfigureAwait(false);
            }

            if (!campaign.HoldsLease(owner, now))
            {
                // Cancelled by an operator, or a page outlasted the lease: leave it to whoever holds it now.
                return await LostAsync(campaign).ConfigureAwait(false);
            }

            if (campaign.HasEndedAt(now))
            {
                campaign.Complete(now, "the end time passed");
                return await EndAsync(campaign, CampaignRunOutcome.Completed).ConfigureAwait(false);
            }

            var page = await _pages.GetAsync(_page.Key, none).ConfigureAwait(false);
            if (page.AreSendsPausedAt(now))
            {
                campaign.PutOff(page.SendsPausedUntil!.Value);
                return await EndAsync(campaign, CampaignRunOutcome.PutOff).ConfigureAwait(false);
            }

            var subscribers = await _subscriptions.ListActiveByTopicAsync(campaign.TopicId, campaign.Cursor, _options.PageSize, none).ConfigureAwait(false);
            var result = await _pageWork.RunAsync(campaign, subscribers.Subscriptions, owner, stopping).ConfigureAwait(false);

            if (result.Interrupted)
            {
                // The page is started again next time; what it recorded is counted then.
                campaign.ReleaseLease();
                return await EndAsync(campaign, CampaignRunOutcome.Interrupted).ConfigureAwait(false);
            }

            now = _clock.GetUtcNow();
            if (result.SendsPausedUntil is { } until)
            {
                campaign.PutOff(until);
                return await EndAsync(campaign, CampaignRunOutcome.PutOff).ConfigureAwait(false);
            }

            campaign.RecordWaiting(result.Waiting, result.NextDueAt);
            campaign.RecordPage(result.Counts, subscribers.Continuation, now, _options.LeaseDuration);
            if (subscribers.Continuation is null && campaign.TryScheduleNextWave())
            {
                // Some wait for their local time or the end of their quiet hours: the next pass is theirs.
                return await EndAsync(campaign, CampaignRunOutcome.PutOff).ConfigureAwait(false);
            }

            if (subscribers.Continuation is null)
            {
                campaign.Complete(now, "every active subscriber was reached");
                return await EndAsync(campaign, CampaignRunOutcome.Completed).ConfigureAwait(false);
            }

            var saved = await SaveAndReloadAsync(campaign).ConfigureAwait(false);
            if (saved is null)
            {
                return await LostAsync(campaign).ConfigureAwait(false);
            }

            campaign = saved;
        }
    }

    /// <summary>Saves the final state of this run; a conflict means an operator or another instance changed it first.</summary>
    private async Task<CampaignRunOutcome> EndAsync(Campaign campaign, CampaignRunOutcome outcome)
    {
        if (!await _campaigns.TrySaveAsync(campaign, CancellationToken.None).ConfigureAwait(false))
        {
            return await LostAsync(campaign).ConfigureAwait(false);
        }

        _observer.RunEnded(campaign, outcome);
        return outcome;
    }

    private async Task<CampaignRunOutcome> LostAsync(Campaign campaign)
    {
        var current = await _campaigns.FindAsync(campaign.Id, CancellationToken.None).ConfigureAwait(false);
        var outcome = current?.Status == CampaignStatus.Cancelled ? CampaignRunOutcome.Cancelled : CampaignRunOutcome.LeaseLost;
        _observer.RunEnded(current ?? campaign, outcome);
        return outcome;
    }

    private async Task<Campaign?> SaveAndReloadAsync(Campaign campaign) =>
        await _campaigns.TrySaveAsync(campaign, CancellationToken.None).ConfigureAwait(false)
            ? await _campaigns.FindAsync(campaign.Id, CancellationToken.None).ConfigureAwait(false)
            : null;
}
