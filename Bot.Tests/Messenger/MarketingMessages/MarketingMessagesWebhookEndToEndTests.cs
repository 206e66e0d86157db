using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// A campaign to 30 subscribers in the US (Marketing Messages, through the local stand-in this host serves in
/// Development) and 10 in Germany (Recurring Notifications, through the fake Graph API), over HTTP on a fake
/// clock: the stand-in posts its delivery webhooks to the host's own /api/messenger later, signed, in random
/// order, some twice, some dropped after acceptance, half bare and half inside entry[].changes[]; the admin
/// API's report per product then shows each message once at the furthest status its webhooks reached. All of
/// them posted again, in reverse order, change nothing.
/// </summary>
public sealed class MarketingMessagesWebhookEndToEndTests
{
    private const int UsSubscribers = 30;
    private const int GermanSubscribers = 10;

    private static readonly string[] Outcomes = ["delivered", "read", "clicked", "failed"];

    [Fact]
    public async Task The_report_per_product_counts_each_message_once_at_its_furthest_status_though_the_webhooks_came_late_out_of_order_and_twice()
    {
        var port = BotHost.FreePort();
        await using var bot = await MarketingMessagesHost.StartWithStandInAsync(port, new Dictionary<string, string>
        {
            ["DuplicateShare"] = "0.3",
            ["FailedShare"] = "0.1",
            ["MaxWebhookDelay"] = "00:10:00",
        });
        await SubscribeAsync(bot);
        var graph = bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>();
        var admin = new AdminClient(bot.Host);

        // The new Meta campaign warms up for an hour: the clock moves on while the campaign waits.
        var id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "This week: rain jackets -20 %" });
        await admin.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(90), bot.Clock, TimeSpan.FromSeconds(30));
        await UntilEveryWebhookIsPostedAsync(bot, graph);

        var expected = Expected(graph);
        Assert.All(Outcomes, status => Assert.True(expected[status]!.GetValue<int>() > 0, $"the stand-in's seed gives some {status}"));
        var report = await ReportOnceSettledAsync(admin, id, expected);

        Assert.Equal(UsSubscribers, graph.Accepted.Select(a => a.Token).Distinct().Count());
        Assert.Equal(GermanSubscribers, bot.Graph.Requests.Count(r => r.Body["recipient"]?["notification_messages_token"] is not null));
        Assert.Contains(graph.Scheduled, s => s.Duplicate);
        Assert.Contains(graph.Scheduled, s => s.Field == "marketing_message_delivery_failed");
        Assert.Equal(
            """{"product":"RecurringNotifications","accepted":10,"delivered":null,"read":null,"clicked":null,"failed":0,"skipped":0}""",
            Line(report, "RecurringNotifications").ToJsonString());
        Assert.Equal(expected.ToJsonString(), Line(report, "MarketingMessages").ToJsonString());

        // Meta's insights charge what its webhooks said was delivered, at the stand-in's price of 1 each (read anew past their minute's cache).
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        var spend = (await ShowAsync(admin, id))["products"]!.AsArray().Single(p => p!["product"]!.GetValue<string>() == "MarketingMessages")!["spend"]!;
        Assert.Equal(expected["delivered"]!.GetValue<int>(), spend["spend"]!.GetValue<decimal>());
        Assert.Equal(expected["delivered"]!.GetValue<int>(), spend["metaDelivered"]!.GetValue<long>());

        // Every webhook again, late and backwards: nothing moves.
        foreach (var body in graph.Taken.AsEnumerable().Reverse().ToList())
        {
            using var again = await bot.PostSignedAsync(body);
            again.EnsureSuccessStatusCode();
        }

        Assert.Equal(expected.ToJsonString(), Line(await ShowAsync(admin, id), "MarketingMessages").ToJsonString());
    }

    private static async Task SubscribeAsync(MessengerBot bot)
    {
        var store = bot.Host.Services.GetRequiredService<ISubscriptionStore>();
        var at = bot.Clock.GetUtcNow().AddDays(-3);
        for (var i = 0; i < UsSubscribers + GermanSubscribers; i++)
        {
            var us = i < UsSubscribers;
            var subscription = Subscription.OptInOnMessenger(
                "weekly-deals", null, $"psid-{i:D3}", us ? $"us-{i:D3}" : $"eu-{i:D3}", us ? "America/New_York" : "Europe/Berlin", null, null, "Current", SubscriptionOrigin.RequestedByUs, at);
            Assert.True(await store.TrySaveAsync(subscription, CancellationToken.None));
        }
    }

    /// <summary>Moves the clock until the stand-in has nothing left to post (it posts what is due once a second of the host's clock).</summary>
    private static async Task UntilEveryWebhookIsPostedAsync(MessengerBot bot, LocalMarketingMessagesGraph graph) =>
        await Polling.UntilAsync(
            () => Task.FromResult(graph.NextWebhookAt()),
            next => next is null,
            TimeSpan.FromSeconds(60),
            next => $"the stand-in still holds webhooks due at {next}",
            () => bot.Clock.Advance(TimeSpan.FromSeconds(30)));

    /// <summary>What the stand-in's webhooks say, per message: the report's line for Marketing Messages, counted here from what was scheduled.</summary>
    private static JsonObject Expected(LocalMarketingMessagesGraph graph)
    {
        var byToken = graph.Scheduled.GroupBy(s => s.Token).ToDictionary(g => g.Key, g => g.Select(s => s.Field).ToHashSet());
        bool Has(HashSet<string> fields, params string[] any) => any.Any(fields.Contains);
        var delivered = byToken.Values.Count(f => Has(f, "marketing_message_deliveries", "marketing_message_reads", "marketing_message_clicks"));
        return new JsonObject
        {
            ["product"] = "MarketingMessages",
            ["accepted"] = UsSubscribers,
            ["delivered"] = delivered,
            ["read"] = byToken.Values.Count(f => Has(f, "marketing_message_reads", "marketing_message_clicks")),
            ["clicked"] = byToken.Values.Count(f => Has(f, "marketing_message_clicks")),
            ["failed"] = byToken.Values.Count(f => Has(f, "marketing_message_delivery_failed") && !Has(f, "marketing_message_deliveries")),
            ["skipped"] = 0,
        };
    }

    /// <summary>The last webhooks may still be on their way when the stand-in has none left: the report, once it says what they say.</summary>
    private static Task<JsonObject> ReportOnceSettledAsync(AdminClient admin, string id, JsonObject expected) =>
        Polling.UntilAsync(
            () => ShowAsync(admin, id),
            campaign => Line(campaign, "MarketingMessages").ToJsonString() == expected.ToJsonString(),
            TimeSpan.FromSeconds(30),
            campaign => $"expected {expected.ToJsonString()}, the report says {campaign["products"]?.ToJsonString()}");

    private static async Task<JsonObject> ShowAsync(AdminClient admin, string id) =>
        (await admin.SendAsync(HttpMethod.Get, $"/api/admin/campaigns/{id}")).Body!.AsObject();

    /// <summary>A product's line of the report without its spend (Meta's insights, compared on their own).</summary>
    private static JsonObject Line(JsonObject campaign, string product)
    {
        var line = campaign["products"]!.AsArray().Single(p => p!["product"]!.GetValue<string>() == product)!.DeepClone().AsObject();
        line.Remove("spend");
        return line;
    }
}
