using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// Meta's delivery estimate in the campaign preview (Bot/Messenger/MarketingMessages/MetaDeliveryEstimates.cs), over
/// HTTP against the local stand-in, whose estimate comes from the tokens it knows and its price per delivered message:
/// five US subscribers and one German at 3 per delivered message, 10% dropped after acceptance. Meta unreachable: the
/// preview still answers, the estimate marked unavailable with the reason.
/// </summary>
public sealed class CampaignEstimateEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_preview_shows_Metas_delivery_and_cost_bounds_for_the_budget_beside_the_count_per_product()
    {
        var port = BotHost.FreePort();
        await using var bot = await MarketingMessagesHost.StartWithStandInAsync(port, new Dictionary<string, string> { ["PricePerDelivered"] = "3", ["FailedShare"] = "0.1" });
        await SubscribeAsync(bot, "us-1", "us-2", "us-3", "us-4", "us-5", "eu-1");
        var admin = new AdminClient(bot.Host);

        var (status, preview) = await admin.PreviewAsync(new { topic = "weekly-deals", text = "Deals", budget = 12 });

        Assert.Equal(200, status);
        Assert.Equal("""{"MarketingMessages":5,"RecurringNotifications":1}""", preview["eligibleNowByProduct"]!.ToJsonString());
        // 12 pays for four of the five at 3 each; 10% of them may be dropped: 3 to 4 delivered, 9 to 12 spent.
        Assert.Equal(
            """{"budget":12,"available":true,"deliveredLowerBound":3,"deliveredUpperBound":4,"costLowerBound":9,"costUpperBound":12,"unavailable":null}""",
            preview["marketingMessagesEstimate"]!.ToJsonString());
        output.WriteLine($"budget 12: {preview["marketingMessagesEstimate"]!.ToJsonString()}");

        // Without a budget the maximum (5000) is the budget: everyone Meta would accept, all five.
        var (_, unbounded) = await admin.PreviewAsync(new { topic = "weekly-deals", text = "Deals" });
        Assert.Equal(
            """{"budget":5000,"available":true,"deliveredLowerBound":4,"deliveredUpperBound":5,"costLowerBound":12,"costUpperBound":15,"unavailable":null}""",
            unbounded["marketingMessagesEstimate"]!.ToJsonString());
    }

    [Fact]
    public async Task No_estimate_is_asked_for_a_campaign_Marketing_Messages_would_not_carry()
    {
        await using var bot = await MarketingMessagesHost.StartWithStandInAsync(BotHost.FreePort());
        await SubscribeAsync(bot, "eu-1", "uk-1");

        var (status, preview) = await new AdminClient(bot.Host).PreviewAsync(new { topic = "weekly-deals", text = "Deals" });

        Assert.Equal(200, status);
        Assert.Equal("""{"RecurringNotifications":2}""", preview["eligibleNowByProduct"]!.ToJsonString());
        Assert.Null(preview["marketingMessagesEstimate"]);
    }

    [Fact]
    public async Task Meta_unreachable_leaves_the_preview_whole_with_the_estimate_marked_unavailable_and_why()
    {
        // Nothing listens on the port just freed: the Graph API cannot be reached.
        await using var bot = await MessengerBot.StartAsync(settings: MarketingMessagesHost.Settings($"http://127.0.0.1:{BotHost.FreePort()}/graph"));
        await SubscribeAsync(bot, "us-1", "eu-1");

        var (status, preview) = await new AdminClient(bot.Host).PreviewAsync(new { topic = "weekly-deals", text = "Deals", budget = 100 });

        Assert.Equal(200, status);
        Assert.Equal("""{"MarketingMessages":1,"RecurringNotifications":1}""", preview["eligibleNowByProduct"]!.ToJsonString());
        var estimate = preview["marketingMessagesEstimate"]!.AsObject();
        Assert.False(estimate["available"]!.GetValue<bool>());
        Assert.Equal(100, estimate["budget"]!.GetValue<long>());
        Assert.Equal("Meta's Graph API could not be reached.", estimate["unavailable"]!.GetValue<string>());
        Assert.Null(estimate["deliveredUpperBound"]);
    }

    private static async Task SubscribeAsync(MessengerBot bot, params string[] tokens)
    {
        var store = bot.Host.Services.GetRequiredService<ISubscriptionStore>();
        var at = bot.Clock.GetUtcNow().AddDays(-3);
        foreach (var token in tokens)
        {
            var zone = token.StartsWith("us-", StringComparison.Ordinal) ? "America/New_York" : token.StartsWith("uk-", StringComparison.Ordinal) ? "Europe/London" : "Europe/Berlin";
            Assert.True(await store.TrySaveAsync(
                Subscription.OptInOnMessenger("weekly-deals", null, $"psid-{token}", token, zone, null, null, "Current", SubscriptionOrigin.RequestedByUs, at), CancellationToken.None));
        }
    }
}
