using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// A campaign's own Marketing Messages budget over the admin API (Notifications/Campaigns/CampaignBudgetRule.cs),
/// against the local stand-in the host serves in Development: above the configured maximum, zero, negative or not
/// a number is a 400 naming <c>budget</c> with nothing created here or at Meta; a budget of 2 for three US
/// subscribers and one German makes a Meta campaign of that budget, holds the campaign after two with the third
/// pending (the German one sent for free), and a budget raised at Meta finishes it with nobody twice; the preview
/// before and the report per product after, side by side.
/// </summary>
public sealed class CampaignBudgetEndToEndTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> RefusedBudgets => new()
    {
        { "6000", "must be at most 5000 (Messenger:MarketingMessages:MaxCampaignBudget)." },
        { "0", "must be a positive amount in the ad account currency's minor unit (5000 = 50.00)." },
        { "-5", "must be a positive amount in the ad account currency's minor unit (5000 = 50.00)." },
    };

    [Theory]
    [MemberData(nameof(RefusedBudgets))]
    public async Task A_budget_out_of_bounds_is_a_400_naming_the_field_and_nothing_is_created(string budget, string problem)
    {
        await using var bot = await StartAsync(BotHost.FreePort());
        var admin = new AdminClient(bot.Host);

        var (status, body) = await admin.TryCreateCampaignAsync(JsonNode.Parse($$"""{"topic":"weekly-deals","text":"Deals","budget":{{budget}}}""")!);

        Assert.Equal(400, status);
        Assert.Equal(problem, Assert.Single(body["errors"]!["budget"]!.AsArray())!.GetValue<string>());
        Assert.Empty((await admin.SendAsync(HttpMethod.Get, "/api/admin/campaigns")).Body!["campaigns"]!.AsArray());
        Assert.Equal(0, bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>().CampaignCount);
    }

    [Fact]
    public async Task A_budget_that_is_no_number_or_given_without_Marketing_Messages_is_a_400_naming_the_field()
    {
        await using (var bot = await StartAsync(BotHost.FreePort()))
        {
            var (status, body) = await new AdminClient(bot.Host).TryCreateCampaignAsync(JsonNode.Parse("""{"topic":"weekly-deals","text":"Deals","budget":"lots"}""")!);
            Assert.Equal(400, status);
            Assert.Contains("budget", body.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("System.", body.ToJsonString(), StringComparison.Ordinal);
        }

        await using var plain = await MessengerBot.StartAsync(settings: AdminClient.Settings());
        var (plainStatus, plainBody) = await new AdminClient(plain.Host).TryCreateCampaignAsync(new { topic = "weekly-deals", text = "Deals", budget = 100 });
        Assert.Equal(400, plainStatus);
        Assert.StartsWith("is for Marketing Messages, which this deployment does not use", plainBody["errors"]!["budget"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaigns_budget_holds_it_when_spent_with_the_rest_pending_and_a_raised_budget_finishes_it_with_nobody_twice()
    {
        await using var bot = await StartAsync(BotHost.FreePort());
        var graph = bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>();
        var store = bot.Host.Services.GetRequiredService<ISubscriptionStore>();
        var at = bot.Clock.GetUtcNow().AddDays(-3);
        foreach (var (token, zone) in new[] { ("us-1", "America/New_York"), ("us-2", "America/Chicago"), ("us-3", "America/Denver"), ("eu-1", "Europe/Berlin") })
        {
            Assert.True(await store.TrySaveAsync(
                Subscription.OptInOnMessenger("weekly-deals", null, $"psid-{token}", token, zone, null, null, "Current", SubscriptionOrigin.RequestedByUs, at), CancellationToken.None));
        }

        var admin = new AdminClient(bot.Host);

        // The preview first: who would go through which product; a budget above the maximum is refused there too.
        var (previewStatus, preview) = await admin.PreviewAsync(new { topic = "weekly-deals", text = "Deals", budget = 2 });
        Assert.Equal(200, previewStatus);
        Assert.Equal("""{"MarketingMessages":3,"RecurringNotifications":1}""", preview["eligibleNowByProduct"]!.ToJsonString());
        Assert.Equal(400, (await admin.PreviewAsync(new { topic = "weekly-deals", text = "Deals", budget = 5001 })).Status);
        output.WriteLine($"preview: eligibleNowByProduct {preview["eligibleNowByProduct"]!.ToJsonString()}");

        var id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals", budget = 2 });

        // Warm-up, then two accepted; the third is refused for the spent budget once both are delivered (charged).
        var held = await Polling.UntilAsync(
            async () => (await admin.SendAsync(HttpMethod.Get, $"/api/admin/campaigns/{id}")).Body!.AsObject(),
            c => graph.Accepted.Count == 2 && graph.NextWebhookAt() is null && c["finishReason"] is null && c["resumeAt"] is not null
                && c["resumeAt"]!.GetValue<DateTimeOffset>() > bot.Clock.GetUtcNow().AddMinutes(30),
            TimeSpan.FromSeconds(60),
            c => $"not held after two: {c.ToJsonString()}",
            () => bot.Clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.Equal(2, held["budget"]!.GetValue<long>());
        Assert.Contains("\"lifetime_budget\":\"2\"", graph.ListAds("1234567890").Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Running", held["status"]!.GetValue<string>());
        Assert.Equal([1L, 2L], held["products"]!.AsArray().Select(p => p!["accepted"]!.GetValue<long>()));
        output.WriteLine($"held at {bot.Clock.GetUtcNow():O} until {held["resumeAt"]}: products {held["products"]!.ToJsonString()}");

        Assert.Equal(200, graph.UpdateCampaign(graph.Accepted[0].CampaignId, new JsonObject { ["lifetime_budget"] = 10 }).Status);
        var done = await admin.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60), bot.Clock, TimeSpan.FromMinutes(5));

        Assert.Equal(["us-1", "us-2", "us-3"], graph.Accepted.Select(a => a.Token).Order());
        Assert.Equal(1, graph.CampaignCount);
        Assert.Equal(4, AdminClient.Progress(done, "sent"));
        var products = (await admin.SendAsync(HttpMethod.Get, $"/api/admin/campaigns/{id}")).Body!["products"]!.AsArray();
        Assert.Equal(["RecurringNotifications", "MarketingMessages"], products.Select(p => p!["product"]!.GetValue<string>()));
        Assert.Equal([1L, 3L], products.Select(p => p!["accepted"]!.GetValue<long>()));
        output.WriteLine($"finished ({done["status"]}): products {products.ToJsonString()}");
    }

    private static Task<MessengerBot> StartAsync(int port) =>
        MarketingMessagesHost.StartWithStandInAsync(port, new Dictionary<string, string> { ["FailedShare"] = "0", ["MaxWebhookDelay"] = "00:00:05" });
}
