using ConversationBot.Bot.Tests.Notifications;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Products;

/// <summary>What the deployment can reach, as the start-up log and the compatibility check say it (Notifications/Products/MessengerReach.cs).</summary>
public class MessengerReachTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_start_up_lines_say_which_product_serves_which_subscriber_regions()
    {
        var lines = new MessengerReach(PlatformProfile.Current, "US", marketingMessagesConfigured: true).Describe();

        Assert.Equal(
            [
                "Recurring Notifications (profile Current) for subscribers in AU, EU, JP, KR, UK, if Meta goes by the person's region (the business's region US is not one of them)",
                "Marketing Messages (business in US) for subscribers outside AU, EU, JP, KR, UK; every delivered message is charged to the ad account",
            ],
            lines);
    }

    [Fact]
    public void A_configured_Marketing_Messages_for_a_business_outside_its_20_regions_is_explained_at_start_up()
    {
        var reach = new MessengerReach(PlatformProfile.Current, "CH", marketingMessagesConfigured: true);

        var warnings = ProfileCompatibilityCheck.Warnings(TestTopics.Catalog, reach);

        Assert.False(reach.MarketingMessagesAvailable);
        Assert.Contains(warnings, w => w.StartsWith("Marketing Messages is configured but unavailable: Notifications:Region 'CH'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("neither product can deliver", StringComparison.Ordinal));
    }

    [Fact]
    public void A_US_shop_with_Marketing_Messages_gets_no_region_warning()
    {
        var warnings = ProfileCompatibilityCheck.Warnings(TestTopics.Catalog, new MessengerReach(PlatformProfile.Current, "US", marketingMessagesConfigured: true));

        Assert.DoesNotContain(warnings, w => w.Contains("Region", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GB", true)]
    [InlineData("de", true)]
    [InlineData("US", true)]
    [InlineData("CH", false)]
    [InlineData(null, true)] // not refused when unknown: the start-up check warns instead
    public void Opt_ins_are_offered_where_either_product_can_deliver(string? region, bool offered)
    {
        Assert.Equal(offered, new MessengerReach(PlatformProfile.Current, region, marketingMessagesConfigured: true).OffersAllowed);
    }

    [Fact]
    public void The_per_token_rule_follows_the_product_12_hours_for_Marketing_Messages_48_for_Recurring_Notifications()
    {
        var policy = new EligibilityPolicy(new MessengerReach(PlatformProfile.Current, "US", marketingMessagesConfigured: true));
        var subscription = Subscription.OptInOnMessenger("order-updates", null, "psid", "token", "America/New_York", null, null, "Current", SubscriptionOrigin.RequestedByUs, At);
        subscription.RecordSent(At);

        // order-updates promises daily: after 12 hours the token rule allows it, the promise (next local day) still holds it back.
        var mm = policy.Evaluate(subscription, null, At.AddHours(11), product: MessengerProduct.MarketingMessages);
        Assert.Equal(SendEligibility.NotEligible(NotEligibleReason.TooSoonForToken, At.AddHours(12)), mm);
        Assert.True(policy.Evaluate(subscription, null, At.AddHours(12), product: MessengerProduct.MarketingMessages).IsEligible);

        var rn = policy.Evaluate(subscription, null, At.AddHours(12), product: MessengerProduct.RecurringNotifications);
        Assert.Equal(SendEligibility.NotEligible(NotEligibleReason.TooSoonForToken, At.AddHours(48)), rn);
    }
}
