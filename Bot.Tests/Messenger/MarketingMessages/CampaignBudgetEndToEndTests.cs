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
        await MarketingMessagesHost.OptInAsync(bot, ("us-1", "America/New_York"), ("us-2", "America/Chicago"), ("us-3", "America/Denver"), ("eu-1", "Europe/Berlin"));

        var admin = new AdminClient(bot.Host);
        using var posts = new AdminPosts(bot.Host);

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

        // While held, the progress counts what the held page sent: three sent, one left (it once said four left).
        Assert.Equal(3, AdminClient.Progress(held, "sent"));
        Assert.Equal(1, AdminClient.Progress(held, "left"));
        Assert.Contains("budget", held["heldReason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        output.WriteLine($"held at {bot.Clock.GetUtcNow():O} until {held["resumeAt"]} ({held["heldReason"]}): progress {held["progress"]!.ToJsonString()}, products {held["products"]!.ToJsonString()}");

        // The raise goes through our API: Meta's campaign gets it, ours stores it, and the held campaign resumes now.
        var (raisedStatus, raised) = await posts.PostJsonAsync($"/api/admin/campaigns/{id}/budget", new { budget = 10 });
        Assert.Equal(200, raisedStatus);
        Assert.Equal(10, raised["budget"]!.GetValue<long>());
        Assert.Null(raised["heldReason"]);
        Assert.Contains("\"lifetime_budget\":\"10\"", graph.ListAds("1234567890").Body.ToJsonString(), StringComparison.Ordinal);
        var done = await admin.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60), bot.Clock, TimeSpan.FromSeconds(1));
        Assert.True(bot.Clock.GetUtcNow() < held["resumeAt"]!.GetValue<DateTimeOffset>(), "finished only after the recheck: the raise did not wake it");

        Assert.Equal(["us-1", "us-2", "us-3"], graph.Accepted.Select(a => a.Token).Order());
        Assert.Equal(1, graph.CampaignCount);
        Assert.Equal(4, AdminClient.Progress(done, "sent"));
        var products = (await admin.SendAsync(HttpMethod.Get, $"/api/admin/campaigns/{id}")).Body!["products"]!.AsArray();
        Assert.Equal(["RecurringNotifications", "MarketingMessages"], products.Select(p => p!["product"]!.GetValue<string>()));
        Assert.Equal([1L, 3L], products.Select(p => p!["accepted"]!.GetValue<long>()));
        output.WriteLine($"finished ({done["status"]}): products {products.ToJsonString()}");
    }

    [Fact]
    public async Task Budget_runs_out_after_700_delivered_the_campaign_pauses_with_the_reason_300_stay_pending_raising_it_over_the_API_finishes_them_and_no_one_receives_two()
    {
        await using var bot = await StartAsync(BotHost.FreePort());
        var graph = bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>();
        var store = bot.Host.Services.GetRequiredService<ISubscriptionStore>();
        var at = bot.Clock.GetUtcNow().AddDays(-3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(await store.TrySaveAsync(
                Subscription.OptInOnMessenger("weekly-deals", null, $"psid-us-{i:D4}", $"us-{i:D4}", "America/New_York", null, null, "Current", SubscriptionOrigin.RequestedByUs, at), CancellationToken.None));
        }

        var admin = new AdminClient(bot.Host);
        using var posts = new AdminPosts(bot.Host);
        var id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals", budget = 700 });

        // The stand-in charges 1 per delivered message and refuses a send its budget cannot pay for (2300053).
        var held = await Polling.UntilAsync(
            async () => (await admin.SendAsync(HttpMethod.Get, $"/api/admin/campaigns/{id}")).Body!.AsObject(),
            c => graph.Accepted.Count == 700 && c["heldReason"] is not null,
            TimeSpan.FromSeconds(120),
            c => $"not held after 700 ({graph.Accepted.Count} accepted): {c.ToJsonString()}",
            () => bot.Clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.Equal("Running", held["status"]!.GetValue<string>());
        Assert.Contains("budget", held["heldReason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(700, AdminClient.Progress(held, "sent"));
        Assert.Equal(300, AdminClient.Progress(held, "left"));
        Assert.Equal(0, AdminClient.Progress(held, "failed"));
        var heldUntil = held["resumeAt"]!.GetValue<DateTimeOffset>();
        output.WriteLine($"held at {bot.Clock.GetUtcNow():O} until {heldUntil:O}: {held["heldReason"]}; progress {held["progress"]!.ToJsonString()}");

        var (status, raised) = await posts.PostJsonAsync($"/api/admin/campaigns/{id}/budget", new { budget = 1000 });
        Assert.Equal(200, status);
        Assert.Equal(1000, raised["budget"]!.GetValue<long>());
        var done = await admin.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(120), bot.Clock, TimeSpan.FromSeconds(1));

        Assert.True(bot.Clock.GetUtcNow() < heldUntil, $"finished at {bot.Clock.GetUtcNow():O}, not before the recheck at {heldUntil:O}");
        Assert.Equal(1000, graph.Accepted.Count);
        Assert.Equal(1000, graph.Accepted.Select(a => a.Token).Distinct().Count());
        Assert.Equal(1, graph.CampaignCount);
        Assert.Equal(1000, AdminClient.Progress(done, "sent"));
        output.WriteLine($"finished at {bot.Clock.GetUtcNow():O}: progress {done["progress"]!.ToJsonString()}");
    }

    public static TheoryData<string, string, string> RefusedRaises => new()
    {
        { "{\"budget\":2500}", "budget", "must be more than the budget in force (2500): a budget is raised, not lowered; cancel the campaign to send no more." },
        { "{\"budget\":100}", "budget", "must be more than the budget in force (2500): a budget is raised, not lowered; cancel the campaign to send no more." },
        { "{\"budget\":5001}", "budget", "must be at most 5000 (Messenger:MarketingMessages:MaxCampaignBudget)." },
        { "{\"budget\":0}", "budget", "must be a positive amount in the ad account currency's minor unit (5000 = 50.00)." },
        { "{}", "budget", "is required: the new budget in the ad account currency's minor unit (5000 = 50.00)." },
        { "{\"budget\":\"lots\"}", "budget", "must be a whole number in the ad account currency's minor unit (5000 = 50.00)." },
        { "{\"budget\":12.5}", "budget", "must be a whole number in the ad account currency's minor unit (5000 = 50.00)." },
        { "{\"budget\":3000,\"daily\":true}", "daily", "is not a member: only budget is." },
        { "[3000]", "body", "must be a JSON object such as {\"budget\": 5000}." },
        { "{\"budget\":", "budget", "must be a whole number in the ad account currency's minor unit (5000 = 50.00)." },
    };

    [Theory]
    [MemberData(nameof(RefusedRaises))]
    public async Task A_raise_that_breaks_a_rule_is_a_400_naming_the_field_and_changes_nothing_here_or_at_Meta(string body, string field, string problem)
    {
        await using var bot = await StartAsync(BotHost.FreePort());
        var admin = new AdminClient(bot.Host);
        using var posts = new AdminPosts(bot.Host);
        var id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals", budget = 2500, sendAt = bot.Clock.GetUtcNow().AddDays(1) });

        var (status, refusal) = await posts.PostRawAsync($"/api/admin/campaigns/{id}/budget", body);

        Assert.Equal(400, status);
        Assert.Equal(problem, Assert.Single(refusal["errors"]![field]!.AsArray())!.GetValue<string>());
        Assert.DoesNotContain("System.", refusal.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2500, (await admin.CampaignAsync(id))["budget"]!.GetValue<long>());
        Assert.Equal(0, bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>().CampaignCount);
    }

    [Fact]
    public async Task A_raise_before_the_start_is_stored_for_the_Meta_campaign_to_come_an_unknown_campaign_is_404_a_finished_one_409()
    {
        await using var bot = await StartAsync(BotHost.FreePort());
        var admin = new AdminClient(bot.Host);
        using var posts = new AdminPosts(bot.Host);
        var id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals", budget = 2500, sendAt = bot.Clock.GetUtcNow().AddDays(1) });

        var (status, raised) = await posts.PostJsonAsync($"/api/admin/campaigns/{id}/budget", new { budget = 4000 });

        Assert.Equal(200, status);
        Assert.Equal(4000, raised["budget"]!.GetValue<long>());
        Assert.Equal("Scheduled", raised["status"]!.GetValue<string>());
        Assert.Equal(0, bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>().CampaignCount);
        Assert.Equal(404, (await posts.PostJsonAsync("/api/admin/campaigns/no-such-campaign/budget", new { budget = 4000 })).Status);
        Assert.Equal(200, (await admin.SendAsync(HttpMethod.Post, $"/api/admin/campaigns/{id}/cancel")).Status);
        var (finishedStatus, finished) = await posts.PostJsonAsync($"/api/admin/campaigns/{id}/budget", new { budget = 4500 });
        Assert.Equal(409, finishedStatus);
        Assert.Contains("Cancelled", finished["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raise_Meta_does_not_answer_is_a_502_and_changes_nothing()
    {
        // Nothing listens on the port just freed: Meta cannot be asked whether it has a campaign for ours.
        await using var bot = await MessengerBot.StartAsync(settings: MarketingMessagesHost.Settings($"http://127.0.0.1:{BotHost.FreePort()}/graph"));
        var admin = new AdminClient(bot.Host);
        using var posts = new AdminPosts(bot.Host);
        var id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals", budget = 2500, sendAt = bot.Clock.GetUtcNow().AddDays(1) });

        var (status, problem) = await posts.PostJsonAsync($"/api/admin/campaigns/{id}/budget", new { budget = 4000 });

        Assert.Equal(502, status);
        Assert.Equal("Meta did not take the new budget; nothing was changed.", problem["title"]!.GetValue<string>());
        Assert.Equal(2500, (await admin.CampaignAsync(id))["budget"]!.GetValue<long>());
    }

    private static Task<MessengerBot> StartAsync(int port) =>
        MarketingMessagesHost.StartWithStandInAsync(port, new Dictionary<string, string> { ["FailedShare"] = "0", ["MaxWebhookDelay"] = "00:00:05" });
}
