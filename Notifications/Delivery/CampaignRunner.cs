using ConversationBot.Notifications.Activity;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Works a campaign's pieces on this instance, side by side with every other instance that runs it.
/// The first instance to save the campaign's lease starts it: counts the audience once and creates the
/// first work item, then lets the lease go. From then on any instance claims free work items one at a
/// time (<see cref="CampaignWorkItem"/>, a short lease renewed by <see cref="CampaignWorkLease"/>), works
/// each item's page (see <see cref="CampaignPageWork"/>) and records the page's counts in the item. Whoever
/// finds every item of the current pass done, the last page among them, either moves the campaign to its
/// next wave (someone waits for their local time or the end of their quiet hours: a new pass with items
/// of its own, see <see cref="Campaign.Pass"/>) or completes it with the items' counts over every pass.
/// <para>
/// Exactly-once rests on the delivery record: a subscriber is claimed (a create that conflicts on a
/// second attempt) before anything is sent, so a restart or a second instance finds the record and
/// does not send again. A claim left without an outcome by an instance that died mid-send is
/// recorded as <see cref="DeliveryReasons.OutcomeUnknown"/> and not resent: at most once beats a
/// duplicate. An instance that stops in an orderly way finishes the sends in flight, hands the rest
/// of the page back and releases its item, which the next instance that looks takes at once.
/// </para>
/// </summary>
public sealed class CampaignRunner
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ICampaignStore _campaigns;
    private readonly ICampaignWorkStore _work;
    private readonly CampaignPageWork _pageWork;
    private readonly ISubscriptionStore _subscriptions;
    private readonly IPageStatusStore _pages;
    private readonly MessengerPage _page;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _clock;
    private readonly IDeliveryObserver _observer;
    private readonly TopicActivity _activity;

    public CampaignRunner(
        ICampaignStore campaigns,
        ICampaignWorkStore work,
        CampaignPageWork pageWork,
        ISubscriptionStore subscriptions,
        IPageStatusStore pages,
        MessengerPage page,
        DeliveryOptions options,
        TimeProvider clock,
        IDeliveryObserver observer,
        TopicActivity activity)
    {
        _activity = activity;
        _campaigns = campaigns;
        _work = work;
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
        var campaign = await _campaigns.FindAsync(campaignId, None).ConfigureAwait(false);
        if (campaign is null || stopping.IsCancellationRequested || !campaign.IsDueAt(_clock.GetUtcNow()))
        {
            return CampaignRunOutcome.NotTaken;
        }

        if (campaign.Audience is null && !await StartAsync(campaign, owner).ConfigureAwait(false))
        {
            return CampaignRunOutcome.NotTaken;
        }

        var worked = false;
        while (true)
        {
            if (stopping.IsCancellationRequested)
            {
                return CampaignRunOutcome.Interrupted;
            }

            campaign = await _campaigns.FindAsync(campaignId, None).ConfigureAwait(false);
            var now = _clock.GetUtcNow();
            if (campaign is null || campaign.IsFinished)
            {
                return End(campaign, campaign?.Status == CampaignStatus.Cancelled && worked ? CampaignRunOutcome.Cancelled : CampaignRunOutcome.NotTaken);
            }

            if (!campaign.IsDueAt(now))
            {
                return End(campaign, worked ? CampaignRunOutcome.LeftToOthers : CampaignRunOutcome.NotTaken);
            }

            var all = await _work.ListAsync(campaignId, None).ConfigureAwait(false);
            if (campaign.HasEndedAt(now))
            {
                return await CompleteAsync(campaign, all, "the end time passed").ConfigureAwait(false);
            }

            var status = await _pages.GetAsync(_page.Key, None).ConfigureAwait(false);
            if (status.AreSendsPausedAt(now))
            {
                return await PutOffAsync(campaign, status.SendsPausedUntil!.Value).ConfigureAwait(false);
            }

            if (campaign.Pass > 0 && campaign.TryBeginPass(now))
            {
                // A later wave starts: its bound is saved before any of its items exists; whoever loses the save reads the winner's.
                await _campaigns.TrySaveAsync(campaign, None).ConfigureAwait(false);
                continue;
            }

            // Earlier passes' items are done and stay for the counts; only this pass's pages are worked.
            var items = all.Where(i => i.Pass == campaign.Pass).ToList();
            if (items.Count == 0)
            {
                // The pass's first page: after every earlier pass's items, from the topic's start. A campaign started
                // before work items existed (an upgrade mid-campaign) has none at all and begins where it stopped.
                var first = all.Count == 0
                    ? CampaignWorkItem.Create(campaignId, 0, campaign.Cursor, campaign.Pass)
                    : CampaignWorkItem.Create(campaignId, all.Max(i => i.Index) + 1, null, campaign.Pass);
                await _work.TryCreateAsync(first, None).ConfigureAwait(false);
                continue;
            }

            if (items.All(i => i.IsDone) && items[^1].IsLast)
            {
                return await EndPassAsync(campaign, all, items).ConfigureAwait(false);
            }

            var free = items.FirstOrDefault(i => i.IsAvailableAt(now));
            if (free is null)
            {
                // Items are created one page ahead of their readers; an item read but whose next was not
                // created yet (its reader died in between) is completed here, so nobody waits on a dead reader.
                if (items[^1] is { IsRead: true, Next: { } next } last)
                {
                    if (await _work.TryCreateAsync(CampaignWorkItem.Create(campaignId, last.Index + 1, next, last.Pass), None).ConfigureAwait(false))
                    {
                        continue;
                    }
                }

                return End(campaign, worked ? CampaignRunOutcome.LeftToOthers : CampaignRunOutcome.NotTaken);
            }

            var lease = await CampaignWorkLease.TryTakeAsync(_work, free, owner, _options.ItemLeaseDuration, _clock, token => StillWantedAsync(campaignId, token)).ConfigureAwait(false);
            if (lease is null)
            {
                continue;
            }

            worked = true;
            CampaignRunOutcome? ended;
            await using (lease.ConfigureAwait(false))
            {
                ended = await WorkItemAsync(campaign, lease, owner, stopping).ConfigureAwait(false);
            }

            if (ended is { } outcome)
            {
                return outcome;
            }
        }
    }

    /// <summary>
    /// Takes the campaign's lease first, and only then counts: of the instances that find a campaign newly
    /// due, one wins the save and counts the audience; the others read a campaign that is no longer due.
    /// </summary>
    private async Task<bool> StartAsync(Campaign campaign, string owner)
    {
        if (!campaign.TryAcquireLease(owner, _clock.GetUtcNow(), _options.ItemLeaseDuration)
            || !await _campaigns.TrySaveAsync(campaign, None).ConfigureAwait(false))
        {
            return false;
        }

        var started = await _campaigns.FindAsync(campaign.Id, None).ConfigureAwait(false);
        if (started is null || !started.HoldsLease(owner, _clock.GetUtcNow()))
        {
            return false;
        }

        started.RecordAudience(await _subscriptions.CountActiveByTopicAsync(started.TopicId, None).ConfigureAwait(false));
        await _work.TryCreateAsync(CampaignWorkItem.Create(started.Id, 0, started.Cursor, started.Pass), None).ConfigureAwait(false);
        started.ReleaseLease();
        return await _campaigns.TrySaveAsync(started, None).ConfigureAwait(false);
    }

    /// <summary>Works one claimed item; <c>null</c> to go on with the next item, or how this run ends.</summary>
    private async Task<CampaignRunOutcome?> WorkItemAsync(Campaign campaign, CampaignWorkLease lease, string owner, CancellationToken stopping)
    {
        // A page already read was worked before (an instance died on it, or it waited out a pause).
        var revisit = lease.Item.SubscriptionIds is not null;
        var subscribers = await ReadPageAsync(campaign, lease).ConfigureAwait(false);
        if (subscribers is null)
        {
            return await LostAsync(campaign).ConfigureAwait(false);
        }

        if (lease.Item.Next is { } next)
        {
            // Before the sends: the next page is someone else's to start while this one is sent.
            await _work.TryCreateAsync(CampaignWorkItem.Create(campaign.Id, lease.Item.Index + 1, next, lease.Item.Pass), None).ConfigureAwait(false);
        }

        using var halt = CancellationTokenSource.CreateLinkedTokenSource(stopping, lease.Lost);
        var result = await _pageWork.RunAsync(campaign, subscribers, owner, revisit, halt.Token).ConfigureAwait(false);
        if (result.SendsPausedUntil is { } until)
        {
            // The page's outcomes so far stay on the item while the campaign waits, so its progress shows who is left.
            var before = default(DeliveryCounts);
            if (await lease.TryChangeAsync(i => { before = i.Counts; i.Release(result.Counts); return true; }, None).ConfigureAwait(false))
            {
                await _activity.DeliveredAsync(
                    campaign.TopicId, result.Counts.Sent - before.Sent, result.Counts.Skipped - before.Skipped, result.Counts.Failed - before.Failed, None).ConfigureAwait(false);
            }

            return await PutOffAsync(campaign, until, result.HeldReason).ConfigureAwait(false);
        }

        if (result.Interrupted)
        {
            if (!stopping.IsCancellationRequested)
            {
                return await LostAsync(campaign).ConfigureAwait(false);
            }

            // What this item recorded is counted by whoever works it next (it revisits the page and reads the records).
            await lease.TryChangeAsync(Release, None).ConfigureAwait(false);
            return End(campaign, CampaignRunOutcome.Interrupted);
        }

        var now = _clock.GetUtcNow();
        var counted = default(DeliveryCounts);
        if (!await lease.TryChangeAsync(i => { counted = i.Counts; i.Finish(result.Counts, owner, now, result.Waiting, result.NextDueAt); return true; }, None).ConfigureAwait(false))
        {
            // Another instance took the item over while this one finished it: it counts the records again.
            return await LostAsync(campaign).ConfigureAwait(false);
        }

        // The item's counts cover every pass of its page; the day gets what this pass added (docs/console.md).
        await _activity.DeliveredAsync(
            campaign.TopicId, result.Counts.Sent - counted.Sent, result.Counts.Skipped - counted.Skipped, result.Counts.Failed - counted.Failed, None).ConfigureAwait(false);
        return null;
    }

    /// <summary>The item's page: read and recorded by the first reader; a later one works the recorded ids.</summary>
    private async Task<IReadOnlyList<Subscription>?> ReadPageAsync(Campaign campaign, CampaignWorkLease lease)
    {
        if (lease.Item.SubscriptionIds is { } ids)
        {
            var found = new Subscription?[ids.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, ids.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelSends },
                async (i, _) => found[i] = await _subscriptions.FindAsync(ids[i], None).ConfigureAwait(false)).ConfigureAwait(false);
            return [.. found.Where(s => s is not null && s.TopicId == campaign.TopicId).Select(s => s!)];
        }

        var page = await _subscriptions.ListActiveByTopicAsync(campaign.TopicId, lease.Item.Start, _options.PageSize, None).ConfigureAwait(false);
        var recorded = await lease.TryChangeAsync(
            i =>
            {
                i.RecordPage([.. page.Subscriptions.Select(s => s.Id)], page.Continuation);
                return true;
            },
            None).ConfigureAwait(false);
        return recorded ? page.Subscriptions : null;
    }

    private async Task<bool> StillWantedAsync(string campaignId, CancellationToken cancellationToken)
    {
        var current = await _campaigns.FindAsync(campaignId, cancellationToken).ConfigureAwait(false);
        return current is not null && !current.IsFinished && (current.ResumeAt is not { } resume || resume <= _clock.GetUtcNow());
    }

    /// <summary>
    /// Every page of the current pass is done: with subscribers waiting for their local time or the end of
    /// their quiet hours (and due before the end time) the next wave is theirs and the campaign is put off
    /// until the first is due; otherwise it completes. Saved with optimistic concurrency, so of the instances
    /// that find the pass done one moves the campaign on; the others read a campaign that is no longer due.
    /// </summary>
    private Task<CampaignRunOutcome> EndPassAsync(Campaign campaign, IReadOnlyList<CampaignWorkItem> all, IReadOnlyList<CampaignWorkItem> pass)
    {
        var waiting = pass.Sum(i => i.Waiting);
        var next = pass.Select(i => i.NextDueAt).Where(at => at is not null).DefaultIfEmpty(null).Min();
        return ChangeAsync(campaign, current =>
        {
            if (current.IsFinished || current.Pass != pass[0].Pass)
            {
                // Another instance ended the pass first.
                return null;
            }

            current.RecordWaiting(waiting, next);
            return current.TryScheduleNextWave() ? CampaignRunOutcome.PutOff : Complete(current, all, "every active subscriber was reached");
        });
    }

    private Task<CampaignRunOutcome> CompleteAsync(Campaign campaign, IReadOnlyList<CampaignWorkItem> items, string reason) =>
        ChangeAsync(campaign, current => Complete(current, items, reason));

    private CampaignRunOutcome? Complete(Campaign campaign, IReadOnlyList<CampaignWorkItem> items, string reason) =>
        campaign.CompleteWithItems(items.Aggregate(default(DeliveryCounts), (sum, i) => sum + i.Counts), _clock.GetUtcNow(), reason)
            ? CampaignRunOutcome.Completed
            : null;

    /// <summary>The page may not send before <paramref name="until"/>: no instance takes an item of the campaign before then; <paramref name="heldReason"/> says why a send's answer holds it.</summary>
    private Task<CampaignRunOutcome> PutOffAsync(Campaign campaign, DateTimeOffset until, string? heldReason = null)
    {
        var budgetWhenSent = campaign.Budget;
        return ChangeAsync(campaign, current =>
        {
            // A budget raised while the refused sends were in flight (Campaign.RaiseBudget) is not held back for the recheck.
            if (current.IsFinished || (heldReason is not null && current.Budget != budgetWhenSent))
            {
                return null;
            }

            current.PutOff(until, heldReason);
            return CampaignRunOutcome.PutOff;
        });
    }

    /// <summary>
    /// Changes the campaign and saves it against the version read; on a conflict reads the newer version and
    /// decides again (<see cref="ConflictRetry"/>: a campaign that never settles is an error to see, not a run
    /// that ends quietly). <paramref name="change"/> returns how the run ends once saved, or <c>null</c> when
    /// there is nothing left to change (another instance moved the campaign on): then nothing is saved.
    /// </summary>
    private async Task<CampaignRunOutcome> ChangeAsync(Campaign campaign, Func<Campaign, CampaignRunOutcome?> change)
    {
        var current = campaign;
        var outcome = await ConflictRetry.RunAsync($"Campaign {campaign.Id}", async token =>
        {
            if (change(current) is not { } decided)
            {
                return Round<CampaignRunOutcome>.Done(CampaignRunOutcome.NotTaken);
            }

            if (await _campaigns.TrySaveAsync(current, token).ConfigureAwait(false))
            {
                return Round<CampaignRunOutcome>.Done(decided);
            }

            current = await _campaigns.FindAsync(current.Id, token).ConfigureAwait(false) ?? current;
            return Round<CampaignRunOutcome>.Conflict;
        }, None).ConfigureAwait(false);
        return End(current, outcome);
    }

    private async Task<CampaignRunOutcome> LostAsync(Campaign campaign)
    {
        var current = await _campaigns.FindAsync(campaign.Id, None).ConfigureAwait(false);
        return End(current ?? campaign, current?.Status == CampaignStatus.Cancelled ? CampaignRunOutcome.Cancelled : CampaignRunOutcome.LeaseLost);
    }

    private CampaignRunOutcome End(Campaign? campaign, CampaignRunOutcome outcome)
    {
        if (campaign is not null && outcome != CampaignRunOutcome.NotTaken)
        {
            _observer.RunEnded(campaign, outcome);
        }

        return outcome;
    }

    private static bool Release(CampaignWorkItem item)
    {
        item.Release();
        return true;
    }
}
