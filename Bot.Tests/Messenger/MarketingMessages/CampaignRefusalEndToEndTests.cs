using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// What cannot be sent is refused before anything exists (docs/marketing-messages.md, "What a campaign is refused for"):
/// over HTTP, a US shop's campaign to two US subscribers and a German one, with the local stand-in served by the host.
/// Each bad request is a 400 naming the field, with no campaign stored and not one request at the stand-in, sent or
/// created: a budget above the maximum, text over 640 characters, a fourth button, malformed JSON, and a campaign
/// only Marketing Messages could carry to the US subscribers while it is not configured (no ad account).
/// </summary>
public sealed class CampaignRefusalEndToEndTests
{
    private static readonly string LongText = new('x', 641);

    public static TheoryData<string, bool, string, string, string> Refusals => new()
    {
        { "a budget above the maximum", true, """{"topic":"weekly-deals","text":"Deals","budget":6000}""", "budget", "must be at most 5000 (Messenger:MarketingMessages:MaxCampaignBudget)." },
        { "text over 640 characters", true, $$"""{"topic":"weekly-deals","text":"{{LongText}}"}""", "text", "must be at most 640 characters (it has 641)." },
        { "text over 640 characters in one language", true, $$$$"""{"topic":"weekly-deals","content":{"en":{"text":"{{{{LongText}}}}"}}}""", "content.en.text", "must be at most 640 characters (it has 641)." },
        {
            "a fourth button", true,
            """{"topic":"weekly-deals","text":"Deals","buttons":[{"title":"A","payload":"a"},{"title":"B","payload":"b"},{"title":"C","payload":"c"},{"title":"D","payload":"d"}]}""",
            "buttons", "must have at most 3 entries (it has 4)."
        },
        { "a budget that is no number", true, """{"topic":"weekly-deals","text":"Deals","budget":"lots"}""", "budget", "is malformed or of the wrong type (line 1, byte 54); times are ISO 8601, e.g. 2026-12-01T09:00:00Z." },
        {
            "Marketing Messages needed but not configured", false, """{"topic":"weekly-deals","text":"Deals"}""", "Messenger:MarketingMessages:AdAccountId",
            "is not set, and 2 of this campaign's subscribers could only be reached through Marketing Messages (they are outside AU, EU, JP, KR and UK). Configure Marketing Messages, or send to the others with \"withoutMarketingMessages\": true."
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_campaign_that_cannot_be_sent_is_a_400_naming_the_field_with_nothing_stored_and_nothing_asked_of_Meta(
        string because, bool marketingMessagesConfigured, string body, string field, string problem)
    {
        await using var bot = await StartAsync(marketingMessagesConfigured);
        await SubscribeAsync(bot);
        var graph = bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>();
        using var posts = new AdminPosts(bot.Host);

        var (status, refusal) = await posts.PostRawAsync("/api/admin/campaigns", body);

        Assert.True(status == 400, $"{because}: {status} {refusal.ToJsonString()}");
        Assert.Equal(problem, Assert.Single(refusal["errors"]![field]!.AsArray())!.GetValue<string>());
        Assert.DoesNotContain("System.", refusal.ToJsonString(), StringComparison.Ordinal);
        var admin = new AdminClient(bot.Host);
        Assert.Empty((await admin.SendAsync(HttpMethod.Get, "/api/admin/campaigns")).Body!["campaigns"]!.AsArray());
        Assert.Empty(graph.Requests);
        Assert.Empty(graph.Accepted);
    }

    [Fact]
    public async Task Without_Marketing_Messages_the_operator_may_send_to_the_others_explicitly_and_those_it_cannot_reach_are_skipped_with_the_reason()
    {
        await using var bot = await StartAsync(marketingMessagesConfigured: false);
        await SubscribeAsync(bot);
        var admin = new AdminClient(bot.Host);

        var (_, preview) = await admin.PreviewAsync(new { topic = "weekly-deals", text = "Deals" });
        Assert.Equal(2, preview["onlyMarketingMessagesCouldReach"]!.GetValue<long>());
        var id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals", withoutMarketingMessages = true });
        var done = await admin.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60), bot.Clock, TimeSpan.FromMinutes(1));

        // A US shop's Messenger subscribers are all out of the free product's reach too (the profile goes by the business's
        // region): everyone is skipped with the reason, nobody is sent to, and Meta is never asked.
        var deliveries = (await admin.SendAsync(HttpMethod.Get, $"/api/admin/campaigns/{id}/deliveries")).Body!["deliveries"]!.AsArray();
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(3, AdminClient.Progress(done, "skipped"));
        Assert.All(deliveries, d => Assert.Equal("Skipped", d!["state"]!.GetValue<string>()));
        Assert.Empty(bot.Graph.Messages);
        Assert.Empty(bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>().Requests);
    }

    /// <summary>A US shop with the stand-in served; Marketing Messages configured (ad account, token, maximum) or not at all.</summary>
    private static Task<MessengerBot> StartAsync(bool marketingMessagesConfigured)
    {
        var port = BotHost.FreePort();
        if (marketingMessagesConfigured)
        {
            return MarketingMessagesHost.StartWithStandInAsync(port);
        }

        var settings = AdminClient.Settings(new Dictionary<string, string?>
        {
            ["Notifications:Region"] = "US",
            ["Messenger:MarketingMessages:LocalGraph:Enabled"] = "true",
            ["Messenger:MarketingMessages:LocalGraph:WebhookUrl"] = $"http://127.0.0.1:{port}/api/messenger",
        });
        return MessengerBot.StartAsync(settings: settings, environment: "Development", port: port);
    }

    private static Task SubscribeAsync(MessengerBot bot) =>
        MarketingMessagesHost.OptInAsync(bot, ("us-1", "America/New_York"), ("us-2", "America/Chicago"), ("eu-1", "Europe/Berlin"));
}
