using ConversationBot.Notifications.Activity;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Delivery;

public sealed class CampaignRunnerTests
{
    private static readonly PlatformError RateLimited = new(429, 613, null, "Calls to this api have exceeded the rate limit.", RetryAfter: TimeSpan.FromSeconds(5));
    private static readonly PlatformError ServerError = new(500, 2, null, "An unexpected error has occurred.");

    [Fact]
    public async Task Every_active_subscriber_gets_the_message_once_across_pages_and_the_counts_add_up()
    {
        var h = new DeliveryHarness(pageSize: 10);
        await h.MessengerSubscribersAsync(25);
        await h.CampaignAsync("c1", "This week's deals");

        var outcome = await h.Runner().RunAsync("c1", "instance-a", default);

        Assert.Equal(CampaignRunOutcome.Completed, outcome);
        Assert.Equal(25, h.Sender.Delivered.Count);
        Assert.Equal(25, h.Sender.Delivered.Select(d => d.CustomerId).Distinct().Count());
        var campaign = await h.StoredAsync("c1");
        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        Assert.Equal(new DeliveryCounts(25, 0, 0), campaign.Counts);
        Assert.Equal(25, campaign.Audience);
        Assert.Equal(0, campaign.Left);
        Assert.All(h.RecordsOf("c1"), r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.Equal(DeliveryHarness.Monday, (await h.SubscriptionAsync("psid-0001"))!.LastSentAt);
        var monday = DateOnly.FromDateTime(DeliveryHarness.Monday.UtcDateTime);
        Assert.Equal([new TopicDay("weekly-deals", monday, TopicDayCounts.Deliveries(25, 0, 0))], await h.Activity.ReadAsync(monday, monday, default));
    }

    [Fact]
    public async Task A_finished_campaign_is_not_taken_again()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(3);
        await h.CampaignAsync("c1", "deals");
        await h.Runner().RunAsync("c1", "instance-a", default);

        var again = await h.Runner().RunAsync("c1", "instance-b", default);

        Assert.Equal(CampaignRunOutcome.NotTaken, again);
        Assert.Equal(3, h.Sender.Delivered.Count);
    }

    [Fact]
    public async Task A_second_campaign_in_the_same_week_is_skipped_and_the_next_week_it_is_sent()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(2);
        await h.CampaignAsync("c1", "Monday deals");
        await h.Runner().RunAsync("c1", "a", default);

        h.Clock.Advance(TimeSpan.FromDays(2));
        await h.CampaignAsync("c2", "Wednesday deals");
        await h.Runner().RunAsync("c2", "a", default);

        Assert.Equal(2, h.Sender.Delivered.Count);
        Assert.Equal(new DeliveryCounts(0, 2, 0), (await h.StoredAsync("c2")).Counts);
        var monday = DateOnly.FromDateTime(DeliveryHarness.Monday.UtcDateTime);
        Assert.Equal(
            [TopicDayCounts.Deliveries(2, 0, 0), TopicDayCounts.Deliveries(0, 2, 0)],
            (await h.Activity.ReadAsync(monday, monday.AddDays(2), default)).Select(d => d.Counts));
        var skip = h.RecordsOf("c2")[0];
        Assert.Equal(DeliveryState.Skipped, skip.State);
        Assert.Equal("AlreadySentThisPeriod", skip.Reason);

        // Weekly in Europe/Berlin: the next period starts Monday 30 November at midnight local time.
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero), skip.NextEligibleAt);

        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await h.CampaignAsync("c3", "Next week's deals");
        await h.Runner().RunAsync("c3", "a", default);

        Assert.Equal(4, h.Sender.Delivered.Count);
        Assert.Equal(2, h.Sender.Delivered.Count(d => d.Text == "Next week's deals"));
    }

    [Fact]
    public async Task Stopped_and_expired_subscribers_get_nothing_and_an_expired_one_is_marked()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(2);
        var expiring = Subscription.OptInOnMessenger(
            "weekly-deals", null, "psid-old", "token-old", null, null, DeliveryHarness.Monday.AddHours(-1), "Launch2022", SubscriptionOrigin.RequestedByUs, DeliveryHarness.Monday.AddMonths(-6));
        await h.Subscriptions.TrySaveAsync(expiring, default);
        var stopped = (await h.SubscriptionAsync("psid-0002"))!;
        stopped.Stop(DeliveryHarness.Monday.AddMinutes(-5));
        await h.Subscriptions.TrySaveAsync(stopped, default);
        await h.CampaignAsync("c1", "deals");

        await h.Runner().RunAsync("c1", "a", default);

        Assert.Equal(["psid-0001"], h.Sender.Delivered.Select(d => d.CustomerId));
        var expired = h.RecordsOf("c1").Single(r => r.CustomerId == "psid-old");
        Assert.Equal(("Skipped", "Expired"), (expired.State.ToString(), expired.Reason));
        Assert.Equal(SubscriptionStatus.Expired, (await h.SubscriptionAsync("psid-old"))!.Status);
        Assert.DoesNotContain(h.RecordsOf("c1"), r => r.CustomerId == "psid-0002");
    }

    [Fact]
    public async Task Transient_failures_are_retried_after_the_retry_after_and_then_succeed()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(1);
        h.Sender.Fail("psid-0001", RateLimited, ServerError);
        var attemptTimes = new List<DateTimeOffset>();
        h.Sender.BeforeSend = _ =>
        {
            attemptTimes.Add(h.Clock.GetUtcNow());
            return Task.CompletedTask;
        };
        await h.CampaignAsync("c1", "deals");

        var outcome = await h.RunAdvancingClockAsync(h.Runner(), "c1", "a");

        Assert.Equal(CampaignRunOutcome.Completed, outcome);
        var record = Assert.Single(h.RecordsOf("c1"));
        Assert.Equal((DeliveryState.Sent, 3), (record.State, record.Attempts));
        Assert.Equal(1, h.Sender.DeliveredTo("psid-0001"));

        // First wait: the 429's Retry-After (5 s). Second: the backoff for attempt 2 (2 s doubled).
        // The clock moves only to the timers the runner sets, so the waits are exact.
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(4)], attemptTimes.Zip(attemptTimes.Skip(1), (a, b) => b - a));
    }

    [Fact]
    public async Task A_facebook_channel_customer_silent_for_24_hours_gets_nothing_and_one_who_wrote_within_them_gets_it()
    {
        var h = new DeliveryHarness();
        foreach (var (customer, lastMessage) in new[] { ("fb-silent", TimeSpan.FromHours(25)), ("fb-recent", TimeSpan.FromHours(23)) })
        {
            var subscription = Subscription.OptInWithConversationReference("weekly-deals", null, ChannelIds.Facebook, customer, "{}", "Europe/Berlin", null, h.Profile.Name, DeliveryHarness.Monday.AddDays(-30));
            Assert.True(await h.Subscriptions.TrySaveAsync(subscription, default));
            var window = await h.Windows.GetAsync(ChannelIds.Facebook, customer, default);
            window.RecordCustomerMessage(DeliveryHarness.Monday - lastMessage);
            await h.Windows.SaveAsync(window, default);
        }

        await h.CampaignAsync("c1", "deals");

        await h.Runner().RunAsync("c1", "a", default);

        Assert.Equal(["fb-recent"], h.Sender.Delivered.Select(d => d.CustomerId));
        var skipped = h.RecordsOf("c1").Single(r => r.CustomerId == "fb-silent");
        Assert.Equal((DeliveryState.Skipped, nameof(NotEligibleReason.MessagingWindowClosed)), (skipped.State, skipped.Reason));
        // Counted where every outcome is (the observer turns it into the deliveries metric, reason included).
        Assert.Contains(h.Observer.Records, r => r.CustomerId == "fb-silent" && r.Reason == nameof(NotEligibleReason.MessagingWindowClosed));
    }

    [Fact]
    public async Task When_retries_run_out_the_delivery_fails_and_the_customers_period_is_not_used_up()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(1);
        h.Sender.Fail("psid-0001", ServerError, ServerError, ServerError);
        await h.CampaignAsync("c1", "deals");

        await h.RunAdvancingClockAsync(h.Runner(), "c1", "a");

        var record = Assert.Single(h.RecordsOf("c1"));
        Assert.Equal((DeliveryState.Failed, DeliveryReasons.RetriesExhausted, 3), (record.State, record.Reason, record.Attempts));
        Assert.Equal(3, h.Sender.Attempts);
        Assert.Null((await h.SubscriptionAsync("psid-0001"))!.LastSentAt);
        Assert.Equal(new DeliveryCounts(0, 0, 1), (await h.StoredAsync("c1")).Counts);
    }

    [Fact]
    public async Task An_invalid_token_retires_the_subscription_at_once_without_a_retry()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(2);
        h.Sender.Fail("psid-0001", new PlatformError(400, 100, null, "(#100) The parameter notification_messages_token is invalid"));
        await h.CampaignAsync("c1", "deals");

        await h.Runner().RunAsync("c1", "a", default);

        Assert.Equal(2, h.Sender.Attempts);
        var retired = (await h.SubscriptionAsync("psid-0001"))!;
        Assert.Equal(SubscriptionStatus.Retired, retired.Status);
        Assert.Null(retired.LastSentAt);
        Assert.Equal(DeliveryReasons.SubscriptionRetired, h.RecordsOf("c1").Single(r => r.CustomerId == "psid-0001").Reason);
        Assert.Equal(1, h.Sender.DeliveredTo("psid-0002"));
    }

    [Fact]
    public async Task The_platform_saying_the_customer_stopped_the_topic_stops_the_subscription()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(1);
        h.Sender.Fail("psid-0001", new PlatformError(400, 10, 1893015, "The user has stopped the marketing messages"));
        await h.CampaignAsync("c1", "deals");

        await h.Runner().RunAsync("c1", "a", default);

        Assert.Equal(SubscriptionStatus.Stopped, (await h.SubscriptionAsync("psid-0001"))!.Status);
        Assert.Equal(DeliveryReasons.StoppedByCustomer, Assert.Single(h.RecordsOf("c1")).Reason);
        Assert.Equal(1, h.Sender.Attempts);
    }

    [Fact]
    public async Task Too_soon_for_the_token_is_a_skip_with_the_next_time_not_a_failure()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(1);
        h.Sender.Fail("psid-0001", new PlatformError(400, 4, 2018354, "too soon"));
        await h.CampaignAsync("c1", "deals");

        await h.Runner().RunAsync("c1", "a", default);

        var record = Assert.Single(h.RecordsOf("c1"));
        Assert.Equal((DeliveryState.Skipped, DeliveryReasons.TooSoonPerPlatform), (record.State, record.Reason));
        var subscription = (await h.SubscriptionAsync("psid-0001"))!;
        Assert.Equal(DeliveryHarness.Monday.AddHours(48), subscription.NextEligibleAt);
        Assert.Null(subscription.LastSentAt);
    }

    [Fact]
    public async Task A_page_restricted_from_sending_puts_the_campaign_off_and_it_resumes_with_the_rest()
    {
        var h = new DeliveryHarness(pageSize: 5);
        h.Options.MaxParallelSends = 1;
        await h.MessengerSubscribersAsync(8);
        h.Sender.Fail("psid-0003", new PlatformError(400, 10, 1893063, "restricted"));
        await h.CampaignAsync("c1", "deals");

        var first = await h.Runner().RunAsync("c1", "a", default);

        Assert.Equal(CampaignRunOutcome.PutOff, first);
        Assert.Equal(["psid-0001", "psid-0002"], h.Sender.Delivered.Select(d => d.CustomerId));
        var putOff = await h.StoredAsync("c1");
        Assert.Equal(DeliveryHarness.Monday.AddHours(6), putOff.ResumeAt);
        Assert.False(putOff.IsDueAt(DeliveryHarness.Monday.AddHours(5)));
        Assert.Equal(CampaignRunOutcome.NotTaken, await h.Runner().RunAsync("c1", "a", default));

        h.Clock.Advance(TimeSpan.FromHours(6));
        var second = await h.Runner().RunAsync("c1", "a", default);

        Assert.Equal(CampaignRunOutcome.Completed, second);
        Assert.Equal(8, h.Sender.Delivered.Select(d => d.CustomerId).Distinct().Count());
        Assert.Equal(8, h.Sender.Delivered.Count);
        Assert.Equal(new DeliveryCounts(8, 0, 0), (await h.StoredAsync("c1")).Counts);
    }

    [Fact]
    public async Task An_orderly_stop_mid_page_hands_the_rest_back_and_the_next_run_sends_each_exactly_once()
    {
        var h = new DeliveryHarness(pageSize: 10);
        h.Options.MaxParallelSends = 2;
        await h.MessengerSubscribersAsync(30);
        await h.CampaignAsync("c1", "deals");
        using var stopping = new CancellationTokenSource();
        h.Sender.BeforeSend = attempt =>
        {
            if (attempt == 14)
            {
                stopping.Cancel();
            }

            return Task.CompletedTask;
        };

        var first = await h.Runner().RunAsync("c1", "instance-a", stopping.Token);

        Assert.Equal(CampaignRunOutcome.Interrupted, first);
        Assert.InRange(h.Sender.Delivered.Count, 14, 16);
        Assert.DoesNotContain(h.Deliveries.All, r => r.State == DeliveryState.Claimed);
        var interrupted = await h.StoredAsync("c1");
        Assert.Null(interrupted.LeaseOwner);
        Assert.True(interrupted.IsDueAt(h.Clock.GetUtcNow()));

        h.Sender.BeforeSend = null;
        var second = await h.Runner().RunAsync("c1", "instance-b", default);

        Assert.Equal(CampaignRunOutcome.Completed, second);
        Assert.Equal(30, h.Sender.Delivered.Count);
        Assert.Equal(30, h.Sender.Delivered.Select(d => d.CustomerId).Distinct().Count());
        Assert.Equal(new DeliveryCounts(30, 0, 0), (await h.StoredAsync("c1")).Counts);
    }

    [Fact]
    public async Task A_claim_left_by_an_instance_that_died_mid_send_is_not_resent()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(3);
        var campaign = await h.CampaignAsync("c1", "deals");

        // The dead instance took the lease, claimed psid-0002 and vanished before recording the outcome.
        var taken = await h.StoredAsync("c1");
        taken.TryAcquireLease("dead-instance", h.Clock.GetUtcNow(), h.Options.LeaseDuration);
        await h.Campaigns.TrySaveAsync(taken, default);
        var claimed = (await h.Subscriptions.FindAsync(Subscription.IdFor("messenger", "psid-0002", "weekly-deals", null), default))!;
        Assert.True(claimed.ClaimSend("c1", "dead-instance", h.Clock.GetUtcNow()));
        Assert.True(await h.Subscriptions.TrySaveAsync(claimed, default));

        Assert.Equal(CampaignRunOutcome.NotTaken, await h.Runner().RunAsync("c1", "instance-b", default));
        h.Clock.Advance(h.Options.LeaseDuration);
        var outcome = await h.Runner().RunAsync("c1", "instance-b", default);

        Assert.Equal(CampaignRunOutcome.Completed, outcome);
        Assert.Equal(["psid-0001", "psid-0003"], h.Sender.Delivered.Select(d => d.CustomerId).Order());
        var unknown = h.RecordsOf("c1").Single(r => r.CustomerId == "psid-0002");
        Assert.Equal((DeliveryState.Failed, DeliveryReasons.OutcomeUnknown), (unknown.State, unknown.Reason));
        Assert.Equal(new DeliveryCounts(2, 0, 1), (await h.StoredAsync("c1")).Counts);
    }

    [Fact]
    public async Task A_store_failure_before_anything_was_sent_hands_the_claims_back()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(3);
        await h.CampaignAsync("c1", "deals");

        await Assert.ThrowsAsync<IOException>(() => h.Runner(new FailingBatchSaves(h.Subscriptions)).RunAsync("c1", "instance-a", default));

        Assert.Empty(h.RecordsOf("c1"));
        h.Clock.Advance(h.Options.LeaseDuration);
        Assert.Equal(CampaignRunOutcome.Completed, await h.Runner().RunAsync("c1", "instance-b", default));
        Assert.Equal(3, h.Sender.Delivered.Count);
    }

    [Fact]
    public async Task A_claim_whose_save_landed_but_whose_answer_was_lost_is_sent_once_and_recorded()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(4);
        await h.CampaignAsync("c1", "deals");
        var lost = Subscription.IdFor("messenger", "psid-0002", "weekly-deals", null);

        var outcome = await h.Runner(new LostSaveAnswers(h.Subscriptions, lost)).RunAsync("c1", "instance-a", default);

        Assert.Equal(CampaignRunOutcome.Completed, outcome);
        Assert.Equal(["psid-0001", "psid-0002", "psid-0003", "psid-0004"], h.Sender.Delivered.Select(d => d.CustomerId).Order());
        Assert.All(h.RecordsOf("c1"), r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.Equal(new DeliveryCounts(4, 0, 0), (await h.StoredAsync("c1")).Counts);
    }

    /// <summary>Saves everything, but reports <paramref name="lostId"/>'s first batch save as a conflict, as a write whose answer never came back is retried into a 412.</summary>
    private sealed class LostSaveAnswers(InMemorySubscriptionStore inner, string lostId) : ForwardingSubscriptionStore(inner)
    {
        private bool _lost;

        public override async Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
        {
            var conflicts = await Inner.TrySaveManyAsync(subscriptions, cancellationToken);
            if (!_lost && subscriptions.Any(s => s.Id == lostId) && !conflicts.Contains(lostId))
            {
                _lost = true;
                return [.. conflicts, lostId];
            }

            return conflicts;
        }
    }

    private sealed class FailingBatchSaves(InMemorySubscriptionStore inner) : ForwardingSubscriptionStore(inner)
    {
        public override Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken) =>
            throw new IOException("disk full");
    }

    [Fact]
    public async Task Two_instances_running_the_same_campaign_at_once_send_to_each_subscriber_once()
    {
        var h = new DeliveryHarness(pageSize: 7);
        await h.MessengerSubscribersAsync(60);
        await h.CampaignAsync("c1", "deals");
        h.Sender.BeforeSend = async _ => await Task.Yield();

        var outcomes = await Task.WhenAll(
            Task.Run(() => h.Runner().RunAsync("c1", "instance-a", default)),
            Task.Run(() => h.Runner().RunAsync("c1", "instance-b", default)));

        Assert.Contains(CampaignRunOutcome.Completed, outcomes);
        Assert.Equal(60, h.Sender.Delivered.Count);
        Assert.Equal(60, h.Sender.Delivered.Select(d => d.CustomerId).Distinct().Count());
    }

    [Fact]
    public async Task Two_campaigns_to_the_same_topic_at_once_message_each_customer_once_this_week()
    {
        var h = new DeliveryHarness(pageSize: 5);
        await h.MessengerSubscribersAsync(20);
        await h.CampaignAsync("c1", "first");
        await h.CampaignAsync("c2", "second");
        h.Sender.BeforeSend = async _ => await Task.Yield();

        await Task.WhenAll(
            Task.Run(() => h.Runner().RunAsync("c1", "instance-a", default)),
            Task.Run(() => h.Runner().RunAsync("c2", "instance-b", default)));

        Assert.Equal(20, h.Sender.Delivered.Count);
        Assert.Equal(20, h.Sender.Delivered.Select(d => d.CustomerId).Distinct().Count());
        var total = (await h.StoredAsync("c1")).Counts + (await h.StoredAsync("c2")).Counts;
        Assert.Equal(new DeliveryCounts(20, 20, 0), total);
    }

    [Fact]
    public async Task A_campaign_cancelled_while_it_runs_sends_nothing_after_the_current_page()
    {
        var h = new DeliveryHarness(pageSize: 5);
        h.Options.MaxParallelSends = 1;
        await h.MessengerSubscribersAsync(20);
        await h.CampaignAsync("c1", "deals");
        h.Sender.BeforeSend = async attempt =>
        {
            if (attempt == 3)
            {
                var operatorView = await h.StoredAsync("c1");
                operatorView.Cancel(h.Clock.GetUtcNow());
                Assert.True(await h.Campaigns.TrySaveAsync(operatorView, default));
            }
        };

        var outcome = await h.Runner().RunAsync("c1", "a", default);

        Assert.Equal(CampaignRunOutcome.Cancelled, outcome);
        Assert.Equal(5, h.Sender.Delivered.Count);
        Assert.Equal(CampaignStatus.Cancelled, (await h.StoredAsync("c1")).Status);
    }

    [Fact]
    public async Task Nothing_is_sent_after_the_end_time()
    {
        var h = new DeliveryHarness(pageSize: 5);
        await h.MessengerSubscribersAsync(12);
        await h.CampaignAsync("c1", "deals", endAt: DeliveryHarness.Monday.AddMinutes(1));
        h.Sender.BeforeSend = attempt =>
        {
            if (attempt == 5)
            {
                h.Clock.Advance(TimeSpan.FromMinutes(2));
            }

            return Task.CompletedTask;
        };

        var outcome = await h.Runner().RunAsync("c1", "a", default);

        Assert.Equal(CampaignRunOutcome.Completed, outcome);
        Assert.Equal(5, h.Sender.Delivered.Count);
        var campaign = await h.StoredAsync("c1");
        Assert.Equal("the end time passed", campaign.FinishReason);
        Assert.Equal(0, campaign.Left);
    }

    [Fact]
    public async Task A_campaign_for_later_is_not_taken_before_its_time()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(1);
        await h.CampaignAsync("c1", "deals", sendAt: DeliveryHarness.Monday.AddHours(2));

        Assert.Equal(CampaignRunOutcome.NotTaken, await h.Runner().RunAsync("c1", "a", default));
        h.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(CampaignRunOutcome.Completed, await h.Runner().RunAsync("c1", "a", default));
        Assert.Single(h.Sender.Delivered);
    }

    [Fact]
    public async Task A_subscriber_no_sender_can_reach_is_recorded_as_failed()
    {
        var h = new DeliveryHarness();
        await h.MessengerSubscribersAsync(1);
        h.Sender.UnreachableChannels.Add("messenger");
        await h.CampaignAsync("c1", "deals");

        await h.Runner().RunAsync("c1", "a", default);

        Assert.Equal(DeliveryReasons.NoSender, Assert.Single(h.RecordsOf("c1")).Reason);
        Assert.Empty(h.Sender.Delivered);
    }
}
