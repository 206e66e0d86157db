using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Products;

/// <summary>
/// Who only Marketing Messages could reach while it is not configured (ProductRouter.OnlyMarketingMessagesCouldServe): the
/// subscribers a campaign is refused for (Notifications/Campaigns/CampaignReachRule.cs).
/// </summary>
public class OnlyMarketingMessagesTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Subscription Subscriber(string? timeZone) =>
        Subscription.OptInOnMessenger("weekly-deals", "Weekly deals from our shop", "psid-1", "token-1", timeZone, null, null, PlatformProfile.CurrentName, SubscriptionOrigin.RequestedByUs, At);

    private static ProductRouter Router(string businessRegion, bool marketingMessages) =>
        new(new MessengerReach(PlatformProfile.Current, businessRegion, marketingMessages));

    [Theory]
    [InlineData("US", false, "America/Chicago", true)]
    [InlineData("US", false, "Asia/Kolkata", true)]
    [InlineData("BR", false, "America/Sao_Paulo", true)]
    [InlineData("US", false, "Europe/Berlin", false)] // the free product's region: not Marketing Messages' to serve
    [InlineData("US", true, "America/Chicago", false)] // configured: it is served
    [InlineData("DE", false, "America/Chicago", false)] // a German shop tries Recurring Notifications (and could not use Marketing Messages)
    [InlineData("CH", false, "America/Chicago", false)] // Switzerland is none of Marketing Messages' 20 business regions
    [InlineData("AU", false, "America/Chicago", false)] // an Australian shop's business region lets Recurring Notifications try
    public void Only_subscribers_no_product_reaches_and_Marketing_Messages_would_count(string business, bool configured, string zone, bool only)
    {
        Assert.Equal(only, Router(business, configured).OnlyMarketingMessagesCouldServe(Subscriber(zone)));
    }
}
