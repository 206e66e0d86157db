using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Timing;

namespace ConversationBot.Bot.Tests.Notifications.Delivery;

/// <summary>
/// One campaign through two products (Notifications/Products/ProductRouter.cs in the page work,
/// Notifications/Delivery/CampaignPageWork.cs): each subscriber once through the right one, a region
/// refusal learned and the same claim sent through the other product, and the Marketing Messages errors
/// that skip a person or hold the campaign keeping everyone pending.
/// </summary>
public sealed class ProductRoutingRunnerTests
{
    private static readonly string[] Elsewhere = ["America/New_York", "America/Sao_Paulo", "Asia/Kolkata", "America/Mexico_City", "Asia/Manila"];
    private static readonly string[] FiveRegions = ["Europe/Berlin", "Europe/London", "Asia/Tokyo", "Asia/Seoul", "Australia/Sydney"];

    private static DeliveryHarness UsShop(int pageSize = 50)
    {
        var h = new DeliveryHarness(pageSize)
        {
            Reach = new MessengerReach(PlatformProfile.Current, "US", marketingMessagesConfigured: true),
            // The hour of the fake clock is nine in the morning only in some of these zones.
            Timing = new RecipientTiming(new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0)), TimeZoneInfo.Utc),
        };
        h.Sender.CarriesMarketingMessages = true;
        return h;
    }

    private static async Task SubscribeAsync(DeliveryHarness h, string customerId, string zone)
    {
        var subscription = Subscription.OptInOnMessenger(
            "weekly-deals", null, customerId, $"token-{customerId}", zone, null, null, PlatformProfile.CurrentName, SubscriptionOrigin.RequestedByUs, DeliveryHarness.Monday.AddDays(-30));
        Assert.True(await h.Subscriptions.TrySaveAsync(subscription, CancellationToken.None));
    }

    private static PlatformError MarketingMessages(int number) => new(400, 100, number, "(#100) refused");

    [Fact]
    public async Task A_thousand_subscribers_600_elsewhere_and_400_in_the_five_each_get_it_once_through_the_right_product_and_50_refused_tokens_are_rerouted()
    {
        var h = UsShop();
        for (var i = 0; i < 600; i++)
        {
            await SubscribeAsync(h, $"mm-{i:D3}", Elsewhere[i % Elsewhere.Length]);
        }

        for (var i = 0; i < 400; i++)
        {
            await SubscribeAsync(h, $"rn-{i:D3}", FiveRegions[i % FiveRegions.Length]);
        }

        // 50 people whose time zone says "elsewhere" hold tokens Meta places in the five regions.
        var refused = Enumerable.Range(0, 50).Select(i => $"mm-{i * 12:D3}").ToList();
        foreach (var customer in refused)
        {
            h.Sender.Fail(customer, MarketingMessages(2300032));
        }

        await h.CampaignAsync("c1", "This week's deals");
        var outcome = await h.RunAdvancingClockAsync(h.Runner(), "c1", "instance-a");

        Assert.Equal(CampaignRunOutcome.Completed, outcome);
        var delivered = h.Sender.DeliveredThrough.ToList();
        Assert.Equal(1000, delivered.Count);
        Assert.Equal(1000, delivered.Select(d => d.CustomerId).Distinct().Count());
        Assert.Equal(550, delivered.Count(d => d.Product == MessengerProduct.MarketingMessages));
        Assert.All(delivered.Where(d => d.CustomerId.StartsWith("rn-", StringComparison.Ordinal)), d => Assert.Equal(MessengerProduct.RecurringNotifications, d.Product));
        Assert.All(refused, c => Assert.Equal((c, (MessengerProduct?)MessengerProduct.RecurringNotifications), Assert.Single(delivered, d => d.CustomerId == c)));

        // The refused 50 were tried once through Marketing Messages, then once through Recurring Notifications.
        Assert.Equal(1050, h.Sender.Tried.Count);
        Assert.Equal(new DeliveryCounts(1000, 0, 0), (await h.StoredAsync("c1")).Counts);
        var records = h.RecordsOf("c1");
        Assert.Equal(600 - 50, records.Count(r => r is { Product: MessengerProduct.MarketingMessages, Route: ProductRouteReason.RegionServedByMarketingMessages }));
        Assert.Equal(400, records.Count(r => r is { Product: MessengerProduct.RecurringNotifications, Route: ProductRouteReason.RegionServedByRecurringNotifications }));
        Assert.Equal(50, records.Count(r => r is { Product: MessengerProduct.RecurringNotifications, Route: ProductRouteReason.OtherProductRefusedRegion }));
        Assert.Equal(MessengerProduct.MarketingMessages, (await h.SubscriptionAsync(refused[0]))!.RegionRefusedBy);
        Assert.All(records.Where(r => r.Product == MessengerProduct.MarketingMessages), r => Assert.Equal($"tracking-{r.CustomerId}", r.TrackingId));
        Assert.All(records.Where(r => r.Product == MessengerProduct.RecurringNotifications), r => Assert.Null(r.TrackingId));

        // Learned: the next campaign (a week later) sends them through Recurring Notifications at once.
        h.Clock.SetUtcNow(DeliveryHarness.Monday.AddDays(7));
        await h.CampaignAsync("c2", "Next week's deals");
        await h.RunAdvancingClockAsync(h.Runner(), "c2", "instance-a");
        Assert.Equal(2050, h.Sender.Tried.Count);
        Assert.All(refused, c => Assert.Equal(MessengerProduct.RecurringNotifications, Assert.Single(h.RecordsOf("c2"), r => r.CustomerId == c).Product));
    }

    [Fact]
    public async Task A_region_refusal_by_Recurring_Notifications_reroutes_to_Marketing_Messages()
    {
        var h = UsShop();
        await SubscribeAsync(h, "paris", "Europe/Paris");
        h.Sender.Fail("paris", new PlatformError(400, 10, 2018999, "This feature is not available in the recipient's region"));
        await h.CampaignAsync("c1", "deals");

        await h.RunAdvancingClockAsync(h.Runner(), "c1", "a");

        Assert.Equal([("paris", (MessengerProduct?)MessengerProduct.MarketingMessages)], h.Sender.DeliveredThrough);
        Assert.Equal(MessengerProduct.RecurringNotifications, (await h.SubscriptionAsync("paris"))!.RegionRefusedBy);
    }

    [Fact]
    public async Task A_refused_token_the_other_product_cannot_take_is_skipped_with_the_reason_and_nothing_goes_twice()
    {
        var h = UsShop();
        h.Sender.CarriesMarketingMessages = true;
        await SubscribeAsync(h, "nyc", "America/New_York");
        h.Sender.Fail("nyc", MarketingMessages(2300032), new PlatformError(400, 10, 2018999, "not available in this region"));
        await h.CampaignAsync("c1", "deals");

        await h.RunAdvancingClockAsync(h.Runner(), "c1", "a");

        Assert.Empty(h.Sender.DeliveredThrough);
        var record = Assert.Single(h.RecordsOf("c1"));
        Assert.Equal(DeliveryState.Skipped, record.State);
        Assert.Equal(DeliveryReasons.NoProductServesRegion, record.Reason);
        Assert.Equal(SubscriptionStatus.Retired, (await h.SubscriptionAsync("nyc"))!.Status);
        Assert.Null((await h.SubscriptionAsync("nyc"))!.LastSentAt);
    }

    [Fact]
    public async Task Without_a_Marketing_Messages_sender_a_subscriber_routed_to_it_is_recorded_as_having_no_sender()
    {
        var h = UsShop();
        h.Sender.CarriesMarketingMessages = false;
        await SubscribeAsync(h, "sp", "America/Sao_Paulo");
        await h.CampaignAsync("c1", "deals");

        await h.RunAdvancingClockAsync(h.Runner(), "c1", "a");

        var record = Assert.Single(h.RecordsOf("c1"));
        Assert.Equal((DeliveryState.Failed, DeliveryReasons.NoSender, "no sender for MarketingMessages"), (record.State, record.Reason, record.Detail));
        Assert.Empty(h.Sender.Tried);
    }

    [Fact]
    public async Task The_person_stopped_marketing_messages_2300034_stops_the_subscription_and_it_is_never_tried_again()
    {
        var h = UsShop();
        await SubscribeAsync(h, "stopper", "America/Bogota");
        h.Sender.Fail("stopper", MarketingMessages(2300034));
        await h.CampaignAsync("c1", "deals");
        await h.RunAdvancingClockAsync(h.Runner(), "c1", "a");

        h.Clock.SetUtcNow(DeliveryHarness.Monday.AddDays(7));
        await h.CampaignAsync("c2", "more deals");
        await h.RunAdvancingClockAsync(h.Runner(), "c2", "a");

        Assert.Single(h.Sender.Tried);
        Assert.Equal(SubscriptionStatus.Stopped, (await h.SubscriptionAsync("stopper"))!.Status);
        Assert.Equal(DeliveryReasons.StoppedByCustomer, Assert.Single(h.RecordsOf("c1")).Reason);
        Assert.Empty(h.RecordsOf("c2")); // no longer in the topic's audience
    }

    [Fact]
    public async Task A_frequency_cap_skips_the_person_with_a_next_eligible_time_and_is_not_retried_at_once()
    {
        var h = UsShop();
        await SubscribeAsync(h, "capped", "Asia/Manila");
        h.Sender.Fail("capped", MarketingMessages(2300043));
        await h.CampaignAsync("c1", "deals");

        await h.RunAdvancingClockAsync(h.Runner(), "c1", "a");

        Assert.Single(h.Sender.Tried);
        var record = Assert.Single(h.RecordsOf("c1"));
        Assert.Equal((DeliveryState.Skipped, DeliveryReasons.SkippedByPlatform, DeliveryHarness.Monday.AddDays(7)), (record.State, record.Reason, record.NextEligibleAt));
        var subscription = await h.SubscriptionAsync("capped");
        Assert.Equal(DeliveryHarness.Monday.AddDays(7), subscription!.NextEligibleAt);
        Assert.Null(subscription.LastSentAt);
    }

    [Fact]
    public async Task A_warming_up_Meta_campaign_holds_ours_until_the_wait_Meta_names_and_then_sends_everyone_once()
    {
        var h = UsShop(pageSize: 10);
        for (var i = 0; i < 10; i++)
        {
            await SubscribeAsync(h, $"us-{i}", "America/Chicago");
        }

        h.Sender.Fail("us-0", new PlatformError(400, 2300003, null, "Message not active", Remaining: TimeSpan.FromMinutes(40)));
        await h.CampaignAsync("c1", "deals");

        var first = await h.RunAdvancingClockAsync(h.Runner(), "c1", "a");

        Assert.Equal(CampaignRunOutcome.PutOff, first);
        var held = await h.StoredAsync("c1");
        Assert.Equal(DeliveryHarness.Monday.AddMinutes(40), held.ResumeAt);
        Assert.DoesNotContain(h.RecordsOf("c1"), r => r.State == DeliveryState.Failed);
        var sentBefore = h.Sender.DeliveredThrough.Count;

        h.Clock.SetUtcNow(DeliveryHarness.Monday.AddMinutes(40));
        Assert.Equal(CampaignRunOutcome.Completed, await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"));

        Assert.Equal(10, h.Sender.DeliveredThrough.Count);
        Assert.Equal(10, h.Sender.DeliveredThrough.Select(d => d.CustomerId).Distinct().Count());
        Assert.True(sentBefore < 10);
        Assert.Equal(new DeliveryCounts(10, 0, 0), (await h.StoredAsync("c1")).Counts);
    }

    [Fact]
    public async Task A_spent_budget_holds_the_campaign_with_everyone_left_pending_and_no_one_gets_two()
    {
        var h = UsShop(pageSize: 10);
        for (var i = 0; i < 30; i++)
        {
            await SubscribeAsync(h, $"b-{i:D2}", "America/Denver");
        }

        // The budget runs out at the 11th person.
        h.Sender.Fail("b-10", MarketingMessages(2300053));
        await h.CampaignAsync("c1", "deals");

        Assert.Equal(CampaignRunOutcome.PutOff, await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"));
        Assert.Equal(DeliveryHarness.Monday + h.Options.HeldCampaignRecheck, (await h.StoredAsync("c1")).ResumeAt);
        Assert.DoesNotContain(h.RecordsOf("c1"), r => r.State is DeliveryState.Failed or DeliveryState.Skipped);

        h.Clock.SetUtcNow(DeliveryHarness.Monday + h.Options.HeldCampaignRecheck);
        Assert.Equal(CampaignRunOutcome.Completed, await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"));

        Assert.Equal(30, h.Sender.DeliveredThrough.Count);
        Assert.Equal(30, h.Sender.DeliveredThrough.Select(d => d.CustomerId).Distinct().Count());
    }

    [Fact]
    public async Task Many_tokens_refused_at_once_with_none_accepted_suspect_the_access_token_retire_nobody_and_hold_the_campaign()
    {
        var h = UsShop(pageSize: 10);
        h.Options.TokenRefusalsBeforeSuspectingAccess = 3;
        for (var i = 0; i < 10; i++)
        {
            await SubscribeAsync(h, $"t-{i}", "America/Lima");
            h.Sender.Fail($"t-{i}", MarketingMessages(2300004));
        }

        await h.CampaignAsync("c1", "deals");

        Assert.Equal(CampaignRunOutcome.PutOff, await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"));

        Assert.Empty(h.RecordsOf("c1")); // handed back: all pending
        for (var i = 0; i < 10; i++)
        {
            var subscription = await h.SubscriptionAsync($"t-{i}");
            Assert.Equal(SubscriptionStatus.Active, subscription!.Status);
            Assert.Null(subscription.LastSentAt);
        }
    }

    [Fact]
    public async Task One_refused_token_among_accepted_ones_is_the_persons_and_is_retired()
    {
        var h = UsShop(pageSize: 10);
        h.Options.TokenRefusalsBeforeSuspectingAccess = 3;
        for (var i = 0; i < 10; i++)
        {
            await SubscribeAsync(h, $"t-{i}", "America/Lima");
        }

        h.Sender.Fail("t-3", MarketingMessages(2300004));
        await h.CampaignAsync("c1", "deals");

        Assert.Equal(CampaignRunOutcome.Completed, await h.RunAdvancingClockAsync(h.Runner(), "c1", "a"));

        Assert.Equal(SubscriptionStatus.Retired, (await h.SubscriptionAsync("t-3"))!.Status);
        Assert.Equal(new DeliveryCounts(9, 0, 1), (await h.StoredAsync("c1")).Counts);
    }
}
