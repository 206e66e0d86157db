using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// Spend after sending (Bot/Messenger/MarketingMessages/MetaCampaignSpend.cs): the campaign report in the admin API shows,
/// on its Marketing Messages line, what Meta's insights say it cost, read when the report is asked for and not again
/// within <c>InsightsCache</c>; the stand-in charges 3 per delivered message. With Meta unreachable (the same database
/// under a host whose Graph address answers nothing) the spend says unavailable and why, and the rest of the report stays.
/// </summary>
public sealed class CampaignSpendEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_report_shows_spend_and_cost_per_delivered_message_from_insights_read_at_most_once_a_minute_and_unavailable_when_Meta_is_not_reached()
    {
        using var database = new TempDatabase();
        string id;
        await using (var bot = await MarketingMessagesHost.StartWithStandInAsync(
            BotHost.FreePort(), new Dictionary<string, string> { ["PricePerDelivered"] = "3", ["FailedShare"] = "0", ["DuplicateShare"] = "0", ["MaxWebhookDelay"] = "00:00:05" }, database.FilePath))
        {
            var graph = bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>();
            await SubscribeAsync(bot, "us-1", "us-2", "us-3", "eu-1");
            var admin = new AdminClient(bot.Host);
            id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals" });
            await admin.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60), bot.Clock, TimeSpan.FromMinutes(5));
            await Polling.UntilAsync(
                () => Task.FromResult(graph.NextWebhookAt()),
                next => next is null,
                TimeSpan.FromSeconds(30),
                next => $"webhooks still due at {next}",
                () => bot.Clock.Advance(TimeSpan.FromSeconds(1)));
            // Watching the campaign finish read the report (and its spend) already, within the minute and, as a rule,
            // before the delivery webhooks came: the spend shown is read for the deliveries shown, not kept from then.
            // (The last webhooks handed out may still be on their way to the bot: the report is asked until it shows them.)
            var report = await Polling.UntilAsync(
                () => admin.CampaignAsync(id),
                r => MarketingLine(r)["delivered"]!.GetValue<long>() == 3,
                TimeSpan.FromSeconds(30),
                r => $"delivered so far: {MarketingLine(r)["delivered"]}");
            var reads = graph.InsightsReads;

            var marketing = MarketingLine(report);
            var spend = marketing["spend"]!.AsObject();
            var readAt = spend["readAt"]!.GetValue<DateTimeOffset>();
            spend.Remove("readAt");
            Assert.Equal("""{"available":true,"spend":9,"costPerDelivered":3,"metaDelivered":3,"unavailable":null}""", spend.ToJsonString());
            var free = report["products"]!.AsArray().Single(p => p!["product"]!.GetValue<string>() == "RecurringNotifications")!;
            Assert.Null(free["spend"]);
            output.WriteLine($"report: {report["products"]!.ToJsonString()}");

            // The console's campaign page shows the same in its "By product" table (from the same minute's reading).
            using (var console = await ConsoleSession.SignInAsync(bot.Host))
            {
                var html = await console.PageAsync($"/console/campaigns/{id}");
                Assert.Contains("<th scope=\"col\">Spend</th><th scope=\"col\">Cost per delivered</th>", html, StringComparison.Ordinal);
                Assert.Contains("<td data-field=\"spend\">9</td>", html, StringComparison.Ordinal);
                Assert.Contains("<td data-field=\"cost-per-delivered\">3</td>", html, StringComparison.Ordinal);
            }

            Assert.Equal(reads, graph.InsightsReads);

            // A refresh within the minute shows the same figures without asking Meta; after it Meta is asked again.
            bot.Clock.Advance(readAt + TimeSpan.FromSeconds(59) - bot.Clock.GetUtcNow());
            Assert.Equal(9, (await admin.CampaignAsync(id))["products"]!.AsArray().Single(p => p!["spend"] is not null)!["spend"]!["spend"]!.GetValue<decimal>());
            Assert.Equal(reads, graph.InsightsReads);
            bot.Clock.Advance(TimeSpan.FromSeconds(2));
            await admin.CampaignAsync(id);
            Assert.Equal(reads + 1, graph.InsightsReads);
        }

        // The same database, Meta unreachable: the report still shows every product's counts. In Development, as the
        // first host, because the console's session cookie is for HTTPS elsewhere.
        await using var offline = await MessengerBot.StartAsync(
            settings: MarketingMessagesHost.Settings($"http://127.0.0.1:{BotHost.FreePort()}/graph"), databasePath: database.FilePath, environment: "Development");
        var (status, body) = await new AdminClient(offline.Host).SendAsync(HttpMethod.Get, $"/api/admin/campaigns/{id}");
        Assert.Equal(200, status);
        var products = body!["products"]!.AsArray();
        Assert.Equal([1L, 3L], products.Select(p => p!["accepted"]!.GetValue<long>()));
        var unavailable = products.Single(p => p!["product"]!.GetValue<string>() == "MarketingMessages")!["spend"]!;
        Assert.False(unavailable["available"]!.GetValue<bool>());
        Assert.Equal("Meta's Graph API could not be reached.", unavailable["unavailable"]!.GetValue<string>());
        Assert.Null(unavailable["spend"]);
        using var offlineConsole = await ConsoleSession.SignInAsync(offline.Host);
        var offlinePage = System.Net.WebUtility.HtmlDecode(await offlineConsole.PageAsync($"/console/campaigns/{id}"));
        Assert.Contains("Unavailable: Meta's Graph API could not be reached.", offlinePage, StringComparison.Ordinal);
        Assert.Contains("By product", offlinePage, StringComparison.Ordinal);
    }

    private static async Task SubscribeAsync(MessengerBot bot, params string[] tokens)
    {
        var store = bot.Host.Services.GetRequiredService<ISubscriptionStore>();
        var at = bot.Clock.GetUtcNow().AddDays(-3);
        foreach (var token in tokens)
        {
            Assert.True(await store.TrySaveAsync(
                Subscription.OptInOnMessenger("weekly-deals", null, $"psid-{token}", token, token.StartsWith("us-", StringComparison.Ordinal) ? "America/New_York" : "Europe/Berlin", null, null, "Current", SubscriptionOrigin.RequestedByUs, at), CancellationToken.None));
        }
    }

    private static JsonNode MarketingLine(JsonNode report) =>
        report["products"]!.AsArray().Single(p => p!["product"]!.GetValue<string>() == "MarketingMessages")!;
}
