using ConversationBot.Notifications.Activity;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Delivery;

/// <summary>A campaign in work items: several instances at once, a dead instance's item taken over, the audience counted once.</summary>
public sealed class CampaignWorkItemTests
{
    [Fact]
    public async Task A_second_instance_works_the_pages_the_first_has_not_taken_while_the_first_is_still_sending()
    {
        var h = new DeliveryHarness(pageSize: 10);
        await h.MessengerSubscribersAsync(60);
        await h.CampaignAsync("c1", "deals");
        var firstSend = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Sender.BeforeSend = async attempt =>
        {
            if (attempt == 1)
            {
                firstSend.SetResult();
                await release.Task;
            }
        };

        var a = Task.Run(() => h.Runner().RunAsync("c1", "instance-a", default));
        await firstSend.Task;
        var b = await h.Runner().RunAsync("c1", "instance-b", default);
        release.SetResult();
        var outcomeA = await a;

        Assert.Equal((CampaignRunOutcome.LeftToOthers, CampaignRunOutcome.Completed), (b, outcomeA));
        Assert.Equal(60, h.Sender.Delivered.Select(d => d.CustomerId).Distinct().Count());
        Assert.Equal(60, h.Sender.Delivered.Count);
        var items = h.Work.All;
        Assert.Equal(6, items.Count);
        Assert.All(items, i => Assert.True(i.IsDone));
        Assert.Equal(("instance-a", 10), (items[0].FinishedBy, h.RecordsOf("c1").Count(r => r.ClaimedBy == "instance-a")));
        Assert.Equal(50, h.RecordsOf("c1").Count(r => r.ClaimedBy == "instance-b"));
        Assert.Equal(new DeliveryCounts(60, 0, 0), (await h.StoredAsync("c1")).Counts);
    }

    /// <summary>
    /// With the default item lease (15 s) on a fake clock: the dead instance's item stays its own until the
    /// lease runs out and not a moment longer; the claim it left without an outcome is recorded unknown, not resent.
    /// </summary>
    [Fact]
    public async Task A_dead_instances_item_is_taken_over_when_its_short_lease_runs_out_and_its_send_in_flight_is_not_repeated()
    {
        var h = new DeliveryHarness(pageSize: 10);
        h.Options.ItemLeaseDuration = new DeliveryOptions().ItemLeaseDuration;
        await h.MessengerSubscribersAsync(25);
        await h.CampaignAsync("c1", "deals");
        var died = h.Clock.GetUtcNow();
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Sender.BeforeSend = async attempt =>
        {
            if (attempt == 3)
            {
                cut.TrySetResult();
                await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            }
        };

        // The dying instance: its third send never comes back, and from then on it reaches no store (its lease is never renewed).
        var deadStore = new CuttableWorkStore(h.Work);
        _ = Task.Run(() => h.Runner(work: deadStore).RunAsync("c1", "dead-instance", default));
        await cut.Task;
        deadStore.Cut();
        h.Sender.BeforeSend = null;

        Assert.Equal(CampaignRunOutcome.LeftToOthers, await h.Runner().RunAsync("c1", "instance-b", default));
        h.Clock.Advance(h.Options.ItemLeaseDuration - TimeSpan.FromMilliseconds(1));
        Assert.Equal(CampaignRunOutcome.NotTaken, await h.Runner().RunAsync("c1", "instance-b", default));
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var outcome = await h.Runner().RunAsync("c1", "instance-b", default);

        Assert.Equal(CampaignRunOutcome.Completed, outcome);
        Assert.True(h.Clock.GetUtcNow() - died <= TimeSpan.FromSeconds(15));
        var records = h.RecordsOf("c1");
        Assert.Equal(25, records.Count);
        var unknown = records.Where(r => r.Reason == DeliveryReasons.OutcomeUnknown).ToList();
        Assert.InRange(unknown.Count, 1, h.Options.MaxParallelSends);
        Assert.All(unknown, r => Assert.Equal("dead-instance", r.ClaimedBy));
        Assert.Equal(25 - unknown.Count, records.Count(r => r.State == DeliveryState.Sent));
        Assert.Equal(h.Sender.Delivered.Count, h.Sender.Delivered.Select(d => d.CustomerId).Distinct().Count());
        Assert.All(records.Where(r => r.State == DeliveryState.Sent), r => Assert.Equal(1, h.Sender.DeliveredTo(r.CustomerId)));
    }

    [Fact]
    public async Task Of_instances_racing_for_a_newly_due_campaign_only_the_one_that_wins_the_lease_counts_the_audience()
    {
        var h = new DeliveryHarness(pageSize: 10);
        await h.MessengerSubscribersAsync(30);
        await h.CampaignAsync("c1", "deals");
        var counting = new CountingSubscriptionStore(h.SharedSubscriptions);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => h.Runner(counting).RunAsync("c1", $"instance-{i}", default))));
        while ((await h.StoredAsync("c1")).Status != CampaignStatus.Completed)
        {
            await h.Runner(counting).RunAsync("c1", "instance-x", default);
        }

        Assert.Equal(1, counting.Counts);
        Assert.Equal(30, h.Sender.Delivered.Select(d => d.CustomerId).Distinct().Count());
        Assert.Equal(30, h.Sender.Delivered.Count);
        Assert.Equal(30, (await h.StoredAsync("c1")).Audience);
    }

    [Fact]
    public async Task An_item_handed_back_by_an_orderly_stop_is_free_at_once()
    {
        var h = new DeliveryHarness(pageSize: 10);
        await h.MessengerSubscribersAsync(10);
        await h.CampaignAsync("c1", "deals");
        using var stopping = new CancellationTokenSource();
        h.Sender.BeforeSend = attempt =>
        {
            if (attempt == 2)
            {
                stopping.Cancel();
            }

            return Task.CompletedTask;
        };

        Assert.Equal(CampaignRunOutcome.Interrupted, await h.Runner().RunAsync("c1", "instance-a", stopping.Token));
        var item = Assert.Single(h.Work.All);
        Assert.True(item.IsAvailableAt(h.Clock.GetUtcNow()));
        Assert.Null(item.Owner);

        h.Sender.BeforeSend = null;
        Assert.Equal(CampaignRunOutcome.Completed, await h.Runner().RunAsync("c1", "instance-b", default));
        Assert.Equal(10, h.Sender.Delivered.Count);
        Assert.DoesNotContain(h.RecordsOf("c1"), r => r.State != DeliveryState.Sent);
    }

    /// <summary>
    /// Waves on work items: the first pass sends who is due and records who waits in its items; when its last
    /// page is done the campaign is put off until the first of them is due, and the next pass gets items of its
    /// own after the first pass's, so every subscriber is sent once and the counts cover both passes.
    /// </summary>
    [Fact]
    public async Task A_pass_that_leaves_subscribers_waiting_puts_the_campaign_off_and_the_next_pass_works_items_of_its_own()
    {
        var h = new DeliveryHarness(pageSize: 2);
        await h.MessengerSubscribersAsync(3, timeZone: "Europe/Berlin");
        for (var i = 1; i <= 2; i++)
        {
            // 04:00 in New York: quiet hours until 08:00 there, 13:00 UTC.
            Assert.True(await h.Subscriptions.TrySaveAsync(
                Subscription.OptInOnMessenger("weekly-deals", null, $"psid-ny-{i}", $"token-ny-{i}", "America/New_York", null, null, h.Profile.Name, SubscriptionOrigin.RequestedByUs, DeliveryHarness.Monday.AddDays(-30)),
                CancellationToken.None));
        }

        await h.CampaignAsync("c-waves", "deals");

        Assert.Equal(CampaignRunOutcome.PutOff, await h.Runner().RunAsync("c-waves", "instance-a", default));
        var waiting = await h.StoredAsync("c-waves");
        var firstPass = h.Work.All;
        Assert.Equal((1, new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero)), (waiting.Pass, waiting.ResumeAt!.Value));
        Assert.All(firstPass, i => Assert.Equal((0, true), (i.Pass, i.IsDone)));
        Assert.Equal(2, firstPass.Sum(i => i.Waiting));
        var progress = CampaignProgress.Of(waiting, firstPass, h.Clock.GetUtcNow());
        Assert.Equal((3L, 2L, 0L), (progress.Counts.Sent, progress.Waiting, progress.Left!.Value));
        Assert.Equal(CampaignRunOutcome.NotTaken, await h.Runner().RunAsync("c-waves", "instance-b", default));

        h.Clock.SetUtcNow(waiting.ResumeAt!.Value);
        Assert.Equal(CampaignRunOutcome.Completed, await h.Runner().RunAsync("c-waves", "instance-b", default));

        var items = h.Work.All;
        var secondPass = items.Where(i => i.Pass == 1).ToList();
        Assert.Equal(Enumerable.Range(firstPass.Count, secondPass.Count), secondPass.Select(i => i.Index));
        Assert.All(secondPass, i => Assert.Equal((0L, true), (i.Waiting, i.IsDone)));
        Assert.Equal(5, h.Sender.Delivered.Count);
        Assert.Equal(5, h.Sender.Delivered.Select(d => d.CustomerId).Distinct().Count());
        Assert.Equal(new DeliveryCounts(5, 0, 0), (await h.StoredAsync("c-waves")).Counts);

        // The overview's day counts each pass's sends once: the three of 09:00 and the two of 13:00.
        var day = Assert.Single(await h.Activity.ReadAsync(DateOnly.FromDateTime(DeliveryHarness.Monday.UtcDateTime), DateOnly.FromDateTime(DeliveryHarness.Monday.UtcDateTime), default));
        Assert.Equal(TopicDayCounts.Deliveries(5, 0, 0), day.Counts);
    }

    /// <summary>The work items as a dying instance sees them: after <see cref="Cut"/> nothing reaches the store.</summary>
    private sealed class CuttableWorkStore(ICampaignWorkStore inner) : ICampaignWorkStore
    {
        private volatile bool _cut;

        public void Cut() => _cut = true;

        public Task<bool> TryCreateAsync(CampaignWorkItem item, CancellationToken cancellationToken) => Reach(() => inner.TryCreateAsync(item, cancellationToken));

        public Task<IReadOnlyList<CampaignWorkItem>> ListAsync(string campaignId, CancellationToken cancellationToken) => Reach(() => inner.ListAsync(campaignId, cancellationToken));

        public Task<bool> TrySaveAsync(CampaignWorkItem item, CancellationToken cancellationToken) => Reach(() => inner.TrySaveAsync(item, cancellationToken));

        public Task<CampaignWorkItem?> FindAsync(string campaignId, int index, CancellationToken cancellationToken) => Reach(() => inner.FindAsync(campaignId, index, cancellationToken));

        private Task<T> Reach<T>(Func<Task<T>> call) => _cut ? Task.FromException<T>(new IOException("the instance is gone")) : call();
    }

    private sealed class CountingSubscriptionStore(ISubscriptionStore inner) : ForwardingSubscriptionStore(inner)
    {
        private int _counts;

        public int Counts => _counts;

        public override Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _counts);
            return Inner.CountActiveByTopicAsync(topicId, cancellationToken);
        }
    }
}
