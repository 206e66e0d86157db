using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>
/// What every back end of the campaign and delivery ports (and the subscription port's fan-out
/// calls) must do. Runs against the in-memory fakes the runner tests use and against each back end.
/// </summary>
public abstract class DeliveryStoreContractTests
{
    protected static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 15, TimeSpan.FromHours(1));

    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract ICampaignStore CreateCampaignStore();

    protected abstract IDeliveryStore CreateDeliveryStore();

    protected abstract ISubscriptionStore CreateSubscriptionStore();

    /// <summary>The campaign's work items; on the back ends they share the campaigns' table or container.</summary>
    protected abstract ICampaignWorkStore CreateWorkStore();

    [Fact]
    public async Task Work_items_are_created_once_listed_in_page_order_per_campaign_and_never_mixed_with_campaigns()
    {
        var campaigns = CreateCampaignStore();
        var work = CreateWorkStore();
        Assert.True(await campaigns.TryCreateAsync(Campaign.Create("c-work", "weekly-deals", CampaignContent.TextOnly("deals"), null, null, At), None));
        foreach (var index in new[] { 2, 0, 10, 1 })
        {
            Assert.True(await work.TryCreateAsync(CampaignWorkItem.Create("c-work", index, index == 0 ? null : $"after-{index}"), None));
        }

        Assert.True(await work.TryCreateAsync(CampaignWorkItem.Create("c-other", 0, null), None));
        Assert.False(await work.TryCreateAsync(CampaignWorkItem.Create("c-work", 1, "another start"), None));

        var items = await work.ListAsync("c-work", None);
        Assert.Equal([0, 1, 2, 10], items.Select(i => i.Index));
        Assert.Equal([null, "after-1", "after-2", "after-10"], items.Select(i => i.Start));
        Assert.All(items, i => Assert.Equal(1, i.Version));
        Assert.Equal("c-work", Assert.Single(await campaigns.ListUnfinishedAsync(At.AddMinutes(1), 10, None)).Id);
        Assert.Equal("c-work", Assert.Single((await campaigns.ListAsync(null, null, 10, None)).Campaigns).Id);
    }

    [Fact]
    public async Task A_work_item_is_claimed_by_one_of_two_instances_and_keeps_its_page_lease_and_counts()
    {
        var work = CreateWorkStore();
        Assert.True(await work.TryCreateAsync(CampaignWorkItem.Create("c-claim", 3, "cont|3"), None));
        var first = (await work.FindAsync("c-claim", 3, None))!;
        var second = (await work.FindAsync("c-claim", 3, None))!;

        Assert.True(first.TryClaim("instance-a", At, TimeSpan.FromSeconds(15)));
        Assert.True(second.TryClaim("instance-b", At, TimeSpan.FromSeconds(15)));
        Assert.True(await work.TrySaveAsync(first, None));
        Assert.False(await work.TrySaveAsync(second, None));

        var claimed = (await work.FindAsync("c-claim", 3, None))!;
        Assert.Equal(("instance-a", At.AddSeconds(15), 2L), (claimed.Owner, claimed.LeaseExpiresAt, claimed.Version));
        claimed.RecordPage(["s1", "s/2 ä", "s3"], "cont|4");
        claimed.Finish(new DeliveryCounts(2, 1, 0), "instance-a", At.AddSeconds(3));
        Assert.True(await work.TrySaveAsync(claimed, None));

        var done = Assert.Single(await work.ListAsync("c-claim", None));
        Assert.Equal((true, "cont|4", null, "instance-a", new DeliveryCounts(2, 1, 0)), (done.IsDone, done.Next, done.Owner, done.FinishedBy, done.Counts));
        Assert.Equal(At.AddSeconds(3), done.FinishedAt);
        // Done, it keeps where its page ended, not who was on it: nobody works it again.
        Assert.Equal((true, false, null), (done.IsRead, done.IsLast, done.SubscriptionIds));
        Assert.Null(await work.FindAsync("c-claim", 4, None));
    }

    [Fact]
    public async Task A_campaign_round_trips_with_its_content_and_starts_at_version_one()
    {
        var store = CreateCampaignStore();
        var campaign = Campaign.Create(
            "c-round-trip",
            "weekly-deals",
            new CampaignContent("Deals: 20% off 🎉 Übergrößen", new Uri("https://example.com/deals.png"), [new CampaignButton("Shop now", "DEALS"), new CampaignButton("Stop", "STOP")]),
            At.AddHours(1),
            At.AddDays(1),
            At,
            "monday-deals");

        Assert.True(await store.TryCreateAsync(campaign, None));
        var loaded = await store.FindAsync("c-round-trip", None);

        Assert.NotNull(loaded);
        var expected = campaign.ToSnapshot() with { Version = 1 };
        var actual = loaded.ToSnapshot();
        Assert.Equal(expected with { Content = actual.Content }, actual);
        Assert.Equal(expected.Content.Text, actual.Content.Text);
        Assert.Equal(expected.Content.ImageUrl, actual.Content.ImageUrl);
        Assert.Equal(expected.Content.Buttons, actual.Content.Buttons);
    }

    [Fact]
    public async Task Creating_a_campaign_id_twice_keeps_the_first()
    {
        var store = CreateCampaignStore();
        Assert.True(await store.TryCreateAsync(Campaign.Create("s-firing", "weekly-deals", CampaignContent.TextOnly("first"), null, null, At), None));

        Assert.False(await store.TryCreateAsync(Campaign.Create("s-firing", "weekly-deals", CampaignContent.TextOnly("second"), null, null, At), None));

        Assert.Equal("first", (await store.FindAsync("s-firing", None))!.Content.Text);
        Assert.Null(await store.FindAsync("no-such-campaign", None));
    }

    [Fact]
    public async Task Of_two_instances_taking_the_same_lease_only_one_saves()
    {
        var store = CreateCampaignStore();
        await store.TryCreateAsync(Campaign.Create("c-lease", "weekly-deals", CampaignContent.TextOnly("hi"), null, null, At), None);
        var a = (await store.FindAsync("c-lease", None))!;
        var b = (await store.FindAsync("c-lease", None))!;

        Assert.True(a.TryAcquireLease("instance-a", At, TimeSpan.FromMinutes(5)));
        Assert.True(b.TryAcquireLease("instance-b", At, TimeSpan.FromMinutes(5)));
        var results = await Task.WhenAll(store.TrySaveAsync(a, None), store.TrySaveAsync(b, None));

        Assert.Single(results, saved => saved);
        var stored = (await store.FindAsync("c-lease", None))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(results[0] ? "instance-a" : "instance-b", stored.LeaseOwner);
        Assert.Equal(CampaignStatus.Running, stored.Status);
    }

    [Fact]
    public async Task Unfinished_campaigns_that_have_started_are_listed_for_the_worker()
    {
        var store = CreateCampaignStore();
        await store.TryCreateAsync(Campaign.Create("c1-now", "weekly-deals", CampaignContent.TextOnly("now"), null, null, At), None);
        await store.TryCreateAsync(Campaign.Create("c2-later", "weekly-deals", CampaignContent.TextOnly("later"), At.AddHours(2), null, At), None);
        var done = Campaign.Create("c3-done", "weekly-deals", CampaignContent.TextOnly("done"), null, null, At);
        done.Cancel(At);
        await store.TryCreateAsync(done, None);

        var due = await store.ListUnfinishedAsync(At.AddMinutes(1), 10, None);
        var dueLater = await store.ListUnfinishedAsync(At.AddHours(3), 10, None);

        Assert.Equal(["c1-now"], due.Select(c => c.Id));
        Assert.Equal(["c1-now", "c2-later"], dueLater.Select(c => c.Id));
    }

    [Fact]
    public async Task Campaigns_are_listed_in_id_order_a_page_at_a_time_and_by_status()
    {
        var store = CreateCampaignStore();
        foreach (var id in new[] { "c3", "c1", "c5", "c2", "c4" })
        {
            var campaign = Campaign.Create(id, "weekly-deals", CampaignContent.TextOnly(id), null, null, At);
            if (id is "c2" or "c4")
            {
                campaign.Cancel(At);
            }

            await store.TryCreateAsync(campaign, None);
        }

        var first = await store.ListAsync(null, null, 2, None);
        var second = await store.ListAsync(null, first.Continuation, 2, None);
        var third = await store.ListAsync(null, second.Continuation, 2, None);
        var cancelled = await store.ListAsync(CampaignStatus.Cancelled, null, 10, None);

        Assert.Equal(["c1", "c2"], first.Campaigns.Select(c => c.Id));
        Assert.Equal(["c3", "c4"], second.Campaigns.Select(c => c.Id));
        Assert.Equal(["c5"], third.Campaigns.Select(c => c.Id));
        Assert.Null(third.Continuation);
        Assert.Equal(["c2", "c4"], cancelled.Campaigns.Select(c => c.Id));
    }

    [Fact]
    public async Task An_outcome_is_recorded_once_per_campaign_and_subscription_and_found_by_id()
    {
        var store = CreateDeliveryStore();
        var sent = DeliveryRecord.Claim("c1", "messenger|u1|weekly-deals", "messenger", "u1", "instance-a", At).Sent(At.AddSeconds(1), 1);
        var skipped = DeliveryRecord.Claim("c1", "messenger|u2|weekly-deals", "messenger", "u2", "instance-a", At).Skipped("AlreadySentThisPeriod", At);

        await store.RecordOutcomesAsync([sent, skipped], None);

        var found = await store.FindManyAsync("c1", ["messenger|u1|weekly-deals", "messenger|u2|weekly-deals", "messenger|nobody|weekly-deals"], None);
        Assert.Equal(2, found.Count);
        Assert.Equal(sent, found["messenger|u1|weekly-deals"]);
        Assert.Equal(skipped, found["messenger|u2|weekly-deals"]);
        Assert.Empty(await store.FindManyAsync("c2", ["messenger|u1|weekly-deals"], None));
    }

    [Fact]
    public async Task The_same_subscription_has_a_record_in_each_campaign()
    {
        var store = CreateDeliveryStore();

        await store.RecordOutcomesAsync([DeliveryRecord.Claim("c1", "s1", "emulator", "u1", "a", At).Sent(At, 1)], None);
        await store.RecordOutcomesAsync([DeliveryRecord.Claim("c2", "s1", "emulator", "u1", "a", At).Skipped("Stopped", At)], None);

        Assert.Equal(DeliveryState.Sent, (await store.FindManyAsync("c1", ["s1"], None))["s1"].State);
        Assert.Equal(DeliveryState.Skipped, (await store.FindManyAsync("c2", ["s1"], None))["s1"].State);
    }

    [Fact]
    public async Task A_later_outcome_replaces_an_unsent_record_but_never_a_sent_one()
    {
        var store = CreateDeliveryStore();
        var claim = DeliveryRecord.Claim("c1", "s1", "messenger", "u1", "instance-a", At);
        var unknown = (claim with { ClaimedBy = "instance-b" }).Failed(DeliveryReasons.OutcomeUnknown, "claimed by instance-a; not resent", At.AddSeconds(1), 0);
        await store.RecordOutcomesAsync([unknown], None);

        // The first owner was still sending when another instance took the page over and recorded the claim as unknown.
        var sent = claim.Sent(At.AddSeconds(2), 1);
        await store.RecordOutcomesAsync([sent], None);
        Assert.Equal(sent, (await store.FindManyAsync("c1", ["s1"], None))["s1"]);

        await store.RecordOutcomesAsync([claim.Failed(DeliveryReasons.RetriesExhausted, "HTTP 500 \"body\" ü", At.AddSeconds(3), 4)], None);
        Assert.Equal(sent, (await store.FindManyAsync("c1", ["s1"], None))["s1"]);
    }

    [Fact]
    public async Task A_record_left_claimed_by_an_earlier_version_is_replaced_by_its_outcome()
    {
        var store = CreateDeliveryStore();
        var claim = DeliveryRecord.Claim("c1", "s1", "messenger", "u1", "instance-a", At);
        await store.RecordOutcomesAsync([claim], None);
        Assert.Equal(claim, (await store.FindManyAsync("c1", ["s1"], None))["s1"]);

        var unknown = claim.Failed(DeliveryReasons.OutcomeUnknown, "claimed by instance-a; not resent", At.AddSeconds(1), 0);
        await store.RecordOutcomesAsync([unknown], None);

        Assert.Equal(unknown, (await store.FindManyAsync("c1", ["s1"], None))["s1"]);
    }

    [Fact]
    public async Task Every_field_of_a_skip_round_trips()
    {
        var store = CreateDeliveryStore();
        var claim = DeliveryRecord.Claim("c1", "messenger|kunde-ü|weekly-deals", "messenger", "kunde-ü", "instance-a", At);
        var skipped = claim.Skipped("AlreadySentThisPeriod", At.AddSeconds(1), At.AddDays(2), "detail");

        await store.RecordOutcomesAsync([skipped], None);

        Assert.Equal(skipped, (await store.FindManyAsync("c1", [claim.SubscriptionId], None))[claim.SubscriptionId]);
    }

    [Fact]
    public async Task The_product_the_reason_it_was_chosen_and_the_tracking_id_round_trip_with_the_outcome()
    {
        var store = CreateDeliveryStore();
        var route = new ProductRoute(MessengerProduct.MarketingMessages, ProductRouteReason.OtherProductRefusedRegion, "detail");
        var claim = DeliveryRecord.Claim("c1", "s-mm", "messenger", "u-mm", "instance-a", At).Routed(route);

        var sent = claim.Sent(At.AddSeconds(1), 1, "5f0c2a9e-3b7d-4e61-9a2f-0c8d1e7b4a10");
        await store.RecordOutcomesAsync([sent], None);

        var loaded = (await store.FindManyAsync("c1", ["s-mm"], None))["s-mm"];
        Assert.Equal(sent, loaded);
        Assert.Equal(MessengerProduct.MarketingMessages, loaded.Product);
        Assert.Equal(ProductRouteReason.OtherProductRefusedRegion, loaded.Route);
        Assert.Equal("5f0c2a9e-3b7d-4e61-9a2f-0c8d1e7b4a10", loaded.TrackingId);
    }

    [Fact]
    public async Task A_campaigns_deliveries_are_listed_a_page_at_a_time()
    {
        var store = CreateDeliveryStore();
        await store.RecordOutcomesAsync([.. Enumerable.Range(1, 5).Select(i => DeliveryRecord.Claim("c1", $"s{i}", "emulator", $"u{i}", "a", At).Sent(At, 1))], None);
        await store.RecordOutcomesAsync([DeliveryRecord.Claim("c2", "s1", "emulator", "u1", "a", At).Sent(At, 1)], None);

        var first = await store.ListAsync("c1", null, 3, None);
        var second = await store.ListAsync("c1", first.Continuation, 3, None);

        Assert.Equal(3, first.Deliveries.Count);
        Assert.NotNull(first.Continuation);
        Assert.Equal(["s1", "s2", "s3", "s4", "s5"], first.Deliveries.Concat(second.Deliveries).Select(d => d.SubscriptionId).Order(StringComparer.Ordinal));
        Assert.All(first.Deliveries.Concat(second.Deliveries), d => Assert.Equal("c1", d.CampaignId));
        Assert.True(second.Continuation is null || (await store.ListAsync("c1", second.Continuation, 3, None)).Deliveries.Count == 0);
    }

    [Fact]
    public async Task A_topics_active_subscriptions_are_counted()
    {
        var store = CreateSubscriptionStore();
        foreach (var customer in new[] { "u1", "u2", "u3" })
        {
            await store.TrySaveAsync(OnMessenger(customer), None);
        }

        var stopped = (await store.FindAsync(Subscription.IdFor("messenger", "u2", "weekly-deals", null), None))!;
        stopped.Stop(At.AddMinutes(1));
        await store.TrySaveAsync(stopped, None);
        await store.TrySaveAsync(OnMessenger("u4", "order-updates"), None);

        Assert.Equal(2, await store.CountActiveByTopicAsync("weekly-deals", None));
        Assert.Equal(1, await store.CountActiveByTopicAsync("order-updates", None));
        Assert.Equal(0, await store.CountActiveByTopicAsync("monthly-newsletter", None));
    }

    [Fact]
    public async Task Saving_many_reports_the_conflicts_and_saves_the_rest()
    {
        var store = CreateSubscriptionStore();
        await store.TrySaveAsync(OnMessenger("u1"), None);
        await store.TrySaveAsync(OnMessenger("u2"), None);
        var one = (await store.FindAsync(Subscription.IdFor("messenger", "u1", "weekly-deals", null), None))!;
        var two = (await store.FindAsync(Subscription.IdFor("messenger", "u2", "weekly-deals", null), None))!;
        var twoElsewhere = (await store.FindAsync(two.Id, None))!;
        twoElsewhere.Stop(At.AddMinutes(1));
        await store.TrySaveAsync(twoElsewhere, None);

        one.RecordSent(At.AddMinutes(2));
        two.RecordSent(At.AddMinutes(2));
        var conflicts = await store.TrySaveManyAsync([one, two], None);

        Assert.Equal([two.Id], conflicts);
        Assert.Equal(At.AddMinutes(2), (await store.FindAsync(one.Id, None))!.LastSentAt);
        var storedTwo = (await store.FindAsync(two.Id, None))!;
        Assert.Null(storedTwo.LastSentAt);
        Assert.Equal(SubscriptionStatus.Stopped, storedTwo.Status);
        Assert.Empty(await store.TrySaveManyAsync([], None));
    }

    [Fact]
    public async Task Of_two_instances_claiming_one_campaigns_send_on_a_subscription_one_wins_and_the_claim_is_stored_with_the_period()
    {
        var store = CreateSubscriptionStore();
        await store.TrySaveAsync(OnMessenger("u1"), None);
        var id = Subscription.IdFor("messenger", "u1", "weekly-deals", null);
        var seenByA = (await store.FindAsync(id, None))!;
        var seenByB = (await store.FindAsync(id, None))!;

        seenByA.ClaimSend("c1", "instance-a", At.AddMinutes(1));
        seenByB.ClaimSend("c1", "instance-b", At.AddMinutes(1));
        var conflictsOfA = await store.TrySaveManyAsync([seenByA], None);
        var conflictsOfB = await store.TrySaveManyAsync([seenByB], None);

        Assert.Empty(conflictsOfA);
        Assert.Equal([id], conflictsOfB);
        var stored = (await store.FindAsync(id, None))!;
        Assert.Equal(new SendClaim("c1", "instance-a", At.AddMinutes(1)), stored.SendClaimFor("c1"));
        Assert.Equal(At.AddMinutes(1), stored.LastSentAt);

        Assert.True(stored.WithdrawSend("c1", At.AddMinutes(1), null));
        Assert.True(await store.TrySaveAsync(stored, None));
        var withdrawn = (await store.FindAsync(id, None))!;
        Assert.Empty(withdrawn.SendClaims);
        Assert.Null(withdrawn.LastSentAt);
    }

    private static Subscription OnMessenger(string customerId, string topicId = "weekly-deals") =>
        Subscription.OptInOnMessenger(topicId, null, customerId, $"token-of-{customerId}-{topicId}", "Europe/Berlin", null, null, "Current", SubscriptionOrigin.RequestedByUs, At);
}
