using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Products;

/// <summary>Which product carries one subscriber's message, and why (Notifications/Products/ProductRouter.cs).</summary>
public class ProductRouterTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Subscription Subscriber(string? timeZone, string customer = "psid-1") =>
        Subscription.OptInOnMessenger("weekly-deals", "Weekly deals from our shop", customer, $"token-{customer}", timeZone, null, null, PlatformProfile.CurrentName, SubscriptionOrigin.RequestedByUs, At);

    private static ProductRouter Router(string businessRegion, bool marketingMessages, PlatformProfile? profile = null) =>
        new(new MessengerReach(profile ?? PlatformProfile.Current, businessRegion, marketingMessages));

    [Theory]
    [InlineData("Europe/Berlin", "EU")]
    [InlineData("Atlantic/Canary", "EU")]
    [InlineData("Europe/London", "UK")]
    [InlineData("Asia/Tokyo", "JP")]
    [InlineData("Asia/Seoul", "KR")]
    [InlineData("Australia/Sydney", "AU")]
    public void A_subscriber_in_the_five_regions_gets_Recurring_Notifications_even_from_a_US_shop_with_Marketing_Messages(string zone, string region)
    {
        var route = Router("US", marketingMessages: true).Choose(Subscriber(zone));

        Assert.Equal(MessengerProduct.RecurringNotifications, route.Product);
        Assert.Equal(ProductRouteReason.RegionServedByRecurringNotifications, route.Reason);
        Assert.Contains(region, route.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("America/Sao_Paulo")]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/Mexico_City")]
    public void A_subscriber_elsewhere_gets_Marketing_Messages_when_the_business_may_use_it(string zone)
    {
        var route = Router("US", marketingMessages: true).Choose(Subscriber(zone));

        Assert.Equal(new ProductRoute(MessengerProduct.MarketingMessages, ProductRouteReason.RegionServedByMarketingMessages, $"subscriber outside AU, EU, JP, KR, UK (time zone {zone})"), route);
    }

    [Fact]
    public void Without_Marketing_Messages_a_US_subscriber_of_a_German_shop_is_still_tried_with_Recurring_Notifications_as_before()
    {
        // Whether the business's or the person's region counts is undocumented: the business reading lets it through.
        var route = Router("DE", marketingMessages: false).Choose(Subscriber("America/New_York"));

        Assert.Equal(MessengerProduct.RecurringNotifications, route.Product);
        Assert.Equal(ProductRouteReason.RegionUnclearOnlyCandidate, route.Reason);
    }

    [Fact]
    public void A_subscriber_elsewhere_of_a_US_shop_without_Marketing_Messages_is_reached_by_nothing()
    {
        var route = Router("US", marketingMessages: false).Choose(Subscriber("America/Chicago"));

        Assert.Null(route.Product);
        Assert.Equal(ProductRouteReason.NoProductServes, route.Reason);
        Assert.False(route.CanSend);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("UTC")]
    [InlineData("Etc/GMT+3")]
    [InlineData("Europe/Zurich")]
    [InlineData("Europe/Oslo")]
    public void An_unknown_or_unclear_region_tries_Marketing_Messages_first_because_its_refusal_is_documented(string? zone)
    {
        var route = Router("AU", marketingMessages: true).Choose(Subscriber(zone));

        Assert.Equal(MessengerProduct.MarketingMessages, route.Product);
        Assert.Equal(ProductRouteReason.RegionUnclearMarketingMessagesFirst, route.Reason);
    }

    [Fact]
    public void A_token_Marketing_Messages_refused_for_its_region_goes_through_Recurring_Notifications_and_the_reverse()
    {
        var router = Router("US", marketingMessages: true);
        var refusedByMarketing = Subscriber("America/New_York", "a");
        refusedByMarketing.RefuseRegion(MessengerProduct.MarketingMessages, At);
        var refusedByRecurring = Subscriber("Europe/Paris", "b");
        refusedByRecurring.RefuseRegion(MessengerProduct.RecurringNotifications, At);

        var toRecurring = router.Choose(refusedByMarketing);
        var toMarketing = router.Choose(refusedByRecurring);

        Assert.Equal(MessengerProduct.RecurringNotifications, toRecurring.Product);
        Assert.Equal(ProductRouteReason.OtherProductRefusedRegion, toRecurring.Reason);
        Assert.StartsWith("MarketingMessages refused this token's region", toRecurring.Detail, StringComparison.Ordinal);
        Assert.Equal(MessengerProduct.MarketingMessages, toMarketing.Product);
        Assert.Equal(ProductRouteReason.OtherProductRefusedRegion, toMarketing.Reason);
    }

    [Fact]
    public void A_token_refused_by_both_products_is_retired()
    {
        var subscriber = Subscriber(null);
        Assert.True(subscriber.RefuseRegion(MessengerProduct.MarketingMessages, At));
        Assert.True(subscriber.RefuseRegion(MessengerProduct.RecurringNotifications, At.AddHours(1)));

        Assert.Equal(SubscriptionStatus.Retired, subscriber.Status);
        Assert.Equal("neither MarketingMessages nor RecurringNotifications serves this subscriber's region", subscriber.RetirementReason);
        Assert.False(subscriber.RefuseRegion(MessengerProduct.RecurringNotifications, At.AddHours(2)));
    }

    [Fact]
    public void Under_Launch2022_Recurring_Notifications_serves_everyone_and_being_free_is_chosen()
    {
        var route = Router("US", marketingMessages: true, PlatformProfile.Launch2022).Choose(Subscriber("America/New_York"));

        Assert.Equal(MessengerProduct.RecurringNotifications, route.Product);
    }

    [Fact]
    public void Off_Messenger_there_is_no_product_to_choose_and_the_message_still_goes()
    {
        var emulator = Subscription.OptInWithConversationReference("weekly-deals", null, "emulator", "u1", "{}", null, null, PlatformProfile.CurrentName, At);

        var route = Router("US", marketingMessages: true).Choose(emulator);

        Assert.Equal(ProductRoute.NotMessenger, route);
        Assert.True(route.CanSend);
    }

    [Fact]
    public void Routing_1000_subscribers_600_elsewhere_and_400_in_the_five_splits_them_600_400()
    {
        string[] elsewhere = ["America/New_York", "America/Sao_Paulo", "Asia/Kolkata", "America/Bogota", "Asia/Manila", "Africa/Lagos"];
        string[] five = ["Europe/Berlin", "Europe/London", "Asia/Tokyo", "Asia/Seoul", "Australia/Perth"];
        var router = Router("US", marketingMessages: true);
        var subscribers = Enumerable.Range(0, 600).Select(i => Subscriber(elsewhere[i % elsewhere.Length], $"mm-{i}"))
            .Concat(Enumerable.Range(0, 400).Select(i => Subscriber(five[i % five.Length], $"rn-{i}")))
            .ToList();

        var byProduct = subscribers.GroupBy(s => router.Choose(s).Product).ToDictionary(g => g.Key!.Value, g => g.Select(s => s.CustomerId).ToList());

        Assert.Equal(600, byProduct[MessengerProduct.MarketingMessages].Count);
        Assert.All(byProduct[MessengerProduct.MarketingMessages], c => Assert.StartsWith("mm-", c, StringComparison.Ordinal));
        Assert.Equal(400, byProduct[MessengerProduct.RecurringNotifications].Count);
        Assert.All(byProduct[MessengerProduct.RecurringNotifications], c => Assert.StartsWith("rn-", c, StringComparison.Ordinal));
    }
}
