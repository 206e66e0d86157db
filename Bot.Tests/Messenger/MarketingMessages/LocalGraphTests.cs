using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Profiles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// The local stand-in for Meta's Marketing Messages endpoints enforces what Meta enforces
/// (Bot/Messenger/MarketingMessages/LocalGraph/LocalMarketingMessagesGraph.cs), on a fake clock.
/// </summary>
public sealed class LocalGraphTests : IDisposable
{
    private const string Account = "1234567890";
    private static readonly DateTimeOffset Start = new(2026, 7, 14, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly TempDatabase _database = new();

    private LocalMarketingMessagesGraph Graph(long pricePerDelivered = 1, int dailyCap = 1, double duplicates = 0.1, double failed = 0) =>
        new(new LocalGraphOptions { PricePerDelivered = pricePerDelivered, DailyCapPerPerson = dailyCap, DuplicateShare = duplicates, FailedShare = failed }, _clock);

    private static string CreateCampaign(LocalMarketingMessagesGraph graph, long? budget = 3000, string name = "ours-c1")
    {
        var body = new JsonObject { ["name"] = name, ["page_id"] = 104567890123456, ["lifetime_budget"] = budget };
        var answer = graph.CreateCampaign(Account, body);
        Assert.Equal(200, answer.Status);
        return answer.Body["id"]!.GetValue<string>();
    }

    private static JsonObject SendBody(string campaignId, string token, JsonObject? message = null) => new()
    {
        ["message_id"] = campaignId,
        ["messenger_delivery_data"] = new JsonObject { ["subscription_token"] = token },
        ["message"] = message ?? new JsonObject { ["text"] = "This week's deals" },
    };

    private static PlatformErrorActionKind Classified(LocalGraphAnswer answer) =>
        new PlatformErrorClassifier(new PlatformErrorOptions(), PlatformProfile.Current)
            .Classify(MessengerSendClient.ReadError(HttpStatusCode.BadRequest, answer.Body.ToJsonString()).Error, Start).Kind;

    [Fact]
    public void A_new_campaign_warms_up_for_an_hour_and_says_how_long_is_left()
    {
        var graph = Graph();
        var campaign = CreateCampaign(graph);

        _clock.Advance(TimeSpan.FromMinutes(20));
        var early = graph.Send(Account, SendBody(campaign, "us-1"));

        Assert.Equal(400, early.Status);
        Assert.Equal(2400, early.Body["error"]!["error_data"]!["remaining_seconds"]!.GetValue<long>());
        Assert.Equal(PlatformErrorActionKind.CampaignWaits, Classified(early));

        _clock.Advance(TimeSpan.FromMinutes(40));
        var accepted = graph.Send(Account, SendBody(campaign, "us-1"));
        Assert.Equal(200, accepted.Status);
        Assert.True(accepted.Body["success"]!.GetValue<bool>());
        Assert.True(Guid.TryParse(accepted.Body["marketing_message_tracking_id"]!.GetValue<string>(), out _));
    }

    [Fact]
    public void A_shortened_warm_up_lets_a_newcomer_send_within_seconds()
    {
        var graph = new LocalMarketingMessagesGraph(new LocalGraphOptions { WarmUp = TimeSpan.FromSeconds(10) }, _clock);
        var campaign = CreateCampaign(graph);

        _clock.Advance(TimeSpan.FromSeconds(4));
        var early = graph.Send(Account, SendBody(campaign, "us-1"));
        Assert.Equal(6, early.Body["error"]!["error_data"]!["remaining_seconds"]!.GetValue<long>());

        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(200, graph.Send(Account, SendBody(campaign, "us-1")).Status);
    }

    [Fact]
    public void One_message_per_token_per_12_hours_a_daily_cap_per_person_and_tokens_in_the_five_regions_refused()
    {
        var graph = Graph(dailyCap: 1);
        var campaign = CreateCampaign(graph);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(200, graph.Send(Account, SendBody(campaign, "us-1")).Status);
        _clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));
        var tooSoon = graph.Send(Account, SendBody(campaign, "us-1"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var capped = graph.Send(Account, SendBody(campaign, "us-1")); // 21:00 the same UTC day
        var region = graph.Send(Account, SendBody(campaign, "eu-7"));

        Assert.Equal(PlatformErrorActionKind.RescheduleAt, Classified(tooSoon));
        Assert.Equal(PlatformErrorActionKind.SkipRecipient, Classified(capped));
        Assert.Equal(PlatformErrorActionKind.RerouteToOtherProduct, Classified(region));
        _clock.Advance(TimeSpan.FromHours(3)); // the next UTC day
        Assert.Equal(200, graph.Send(Account, SendBody(campaign, "us-1")).Status);
    }

    [Fact]
    public void The_error_number_is_written_in_code_and_in_error_subcode_by_turns()
    {
        var graph = Graph();
        var campaign = CreateCampaign(graph);
        _clock.Advance(TimeSpan.FromHours(1));

        var first = graph.Send(Account, SendBody(campaign, "eu-1")).Body["error"]!;
        var second = graph.Send(Account, SendBody(campaign, "eu-2")).Body["error"]!;

        Assert.Equal((2300032, (int?)null), (first["code"]!.GetValue<int>(), first["error_subcode"]?.GetValue<int>()));
        Assert.Equal((100, (int?)2300032), (second["code"]!.GetValue<int>(), second["error_subcode"]?.GetValue<int>()));
    }

    [Fact]
    public void Text_over_640_characters_and_a_fourth_button_are_refused()
    {
        var graph = Graph();
        var campaign = CreateCampaign(graph);
        _clock.Advance(TimeSpan.FromHours(1));
        var buttons = new JsonArray([.. Enumerable.Range(1, 4).Select(i => (JsonNode)new JsonObject { ["type"] = "web_url", ["url"] = "https://shop.example", ["title"] = $"b{i}" })]);
        var card = new JsonObject
        {
            ["attachment"] = new JsonObject { ["type"] = "template", ["payload"] = new JsonObject { ["template_type"] = "button", ["text"] = "t", ["buttons"] = buttons } },
        };

        var longText = graph.Send(Account, SendBody(campaign, "us-1", new JsonObject { ["text"] = new string('x', 641) }));
        var fourButtons = graph.Send(Account, SendBody(campaign, "us-2", card));

        Assert.Contains("2300010", longText.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("2300026", fourButtons.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(PlatformErrorActionKind.FixRequest, Classified(fourButtons));
        Assert.Empty(graph.Accepted);
    }

    [Fact]
    public void The_budget_is_charged_per_delivered_message_runs_out_after_700_and_a_raised_budget_takes_the_rest()
    {
        var graph = Graph(pricePerDelivered: 1);
        var campaign = CreateCampaign(graph, budget: 700);
        _clock.Advance(TimeSpan.FromHours(1));

        var answers = Enumerable.Range(0, 1000).Select(i => graph.Send(Account, SendBody(campaign, $"us-{i:D4}"))).ToList();

        Assert.Equal(700, answers.Count(a => a.Status == 200));
        Assert.All(answers.Skip(700), a => Assert.Equal(PlatformErrorActionKind.CampaignBudgetExhausted, Classified(a)));
        Assert.Equal(0, graph.SpentOn(campaign)); // accepted is not delivered: nothing charged yet
        _clock.Advance(TimeSpan.FromMinutes(5));
        graph.TakeDueWebhooks(_clock.GetUtcNow());
        Assert.Equal(700, graph.SpentOn(campaign));

        Assert.Equal(200, graph.UpdateCampaign(campaign, new JsonObject { ["lifetime_budget"] = "1000" }).Status);
        var rest = Enumerable.Range(700, 300).Select(i => graph.Send(Account, SendBody(campaign, $"us-{i:D4}"))).ToList();
        Assert.All(rest, a => Assert.Equal(200, a.Status));
        _clock.Advance(TimeSpan.FromMinutes(5));
        graph.TakeDueWebhooks(_clock.GetUtcNow());

        Assert.Equal(1000, graph.SpentOn(campaign));
        Assert.Equal(1000, graph.Accepted.Select(a => a.Token).Distinct().Count());
        Assert.Contains("\"marketing_messages_delivered\":\"1000\"", graph.Insights(campaign).Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Delivery_webhooks_come_later_out_of_order_some_twice_in_both_envelopes_and_both_timestamp_units()
    {
        var graph = Graph(duplicates: 0.2);
        var campaign = CreateCampaign(graph, budget: null);
        _clock.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(200, graph.Send(Account, SendBody(campaign, $"us-{i:D3}")).Status);
        }

        Assert.Empty(graph.TakeDueWebhooks(_clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var bodies = graph.TakeDueWebhooks(_clock.GetUtcNow()).Select(b => JsonNode.Parse(b)!.AsObject()).ToList();
        var events = bodies.Select(Inner).ToList();

        Assert.Contains(bodies, b => b["object"] is not null);
        Assert.Contains(bodies, b => b["object"] is null);
        Assert.Contains(events, e => e.Value["timestamp"]!.GetValue<long>() > 100_000_000_000);
        Assert.Contains(events, e => e.Value["timestamp"]!.GetValue<long>() < 100_000_000_000);
        var deliveries = events.Where(e => e.Field == "marketing_message_deliveries").Select(e => e.Value["marketing_message_tracking_id"]!.GetValue<string>()).ToList();
        Assert.Equal(200, deliveries.Distinct().Count());
        Assert.True(deliveries.Count > 200, "some deliveries come twice");
        var order = events.Select((e, i) => (e, i)).ToList();
        Assert.Contains(order, x => x.e.Field == "marketing_message_deliveries"
            && order.Any(y => y.e.Field == "marketing_message_echoes" && y.i > x.i && y.e.Value["marketing_message_tracking_id"]!.ToJsonString() == x.e.Value["marketing_message_tracking_id"]!.ToJsonString()));
        Assert.Equal(200, graph.SpentOn(campaign));
    }

    [Fact]
    public void A_message_dropped_after_acceptance_gets_Metas_failure_without_field_or_tracking_id_and_costs_nothing()
    {
        var graph = Graph(duplicates: 0, failed: 0.5);
        var campaign = CreateCampaign(graph, budget: null);
        _clock.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(200, graph.Send(Account, SendBody(campaign, $"us-{i:D3}")).Status);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var events = graph.TakeDueWebhooks(_clock.GetUtcNow()).Select(b => Inner(JsonNode.Parse(b)!.AsObject())).ToList();

        var failures = events.Where(e => e.Field == "marketing_message_delivery_failed").ToList();
        var deliveries = events.Count(e => e.Field == "marketing_message_deliveries");
        Assert.InRange(failures.Count, 30, 70);
        Assert.Equal(100, failures.Count + deliveries);
        Assert.All(failures, f => Assert.Equal((false, false, true), (f.Value.ContainsKey("marketing_message_tracking_id"), f.Value.ContainsKey("field"), f.Value.ContainsKey("error_message"))));
        Assert.Equal(deliveries, graph.SpentOn(campaign));
    }

    [Fact]
    public async Task Its_webhooks_are_signed_with_the_app_secret_as_Meta_signs_them()
    {
        var handler = new RecordingHandler();
        var sender = new LocalGraphWebhookSender(Graph(), new SingleClientFactory(handler), Options.Create(new MessengerOptions()), _clock, NullLogger<LocalGraphWebhookSender>.Instance);
        const string body = """{"field":"marketing_message_deliveries","messenger_subscription_token":"us-1"}""";

        await sender.PostAsync(new Uri("http://127.0.0.1:9/api/messenger"), body, "app-secret", CancellationToken.None);

        var (signature, received) = Assert.Single(handler.Received);
        Assert.Equal(body, received);
        Assert.Equal(MessengerSignatureCheck.Valid, MessengerSignature.Verify(Encoding.UTF8.GetBytes(received), signature, "app-secret"));
    }

    [Fact]
    public async Task Over_HTTP_in_Development_it_needs_the_access_token_and_creates_a_campaign()
    {
        await using var bot = BotHost.Start(
            _database.FilePath,
            new Dictionary<string, string?>
            {
                ["Messenger:PageId"] = "104567890123456",
                ["Messenger:MarketingMessages:AdAccountId"] = "act_" + Account,
                ["Messenger:MarketingMessages:AccessToken"] = "local-token",
                ["Messenger:MarketingMessages:MaxCampaignBudget"] = "5000",
                ["Messenger:MarketingMessages:LocalGraph:Enabled"] = "true",
            },
            environment: "Development");
        using var wrong = new HttpRequestMessage(HttpMethod.Post, $"/local-graph/v24.0/act_{Account}/message_campaign") { Content = new StringContent("""{"name":"x","page_id":1}""", Encoding.UTF8, "application/json") };
        using var right = new HttpRequestMessage(HttpMethod.Post, $"/local-graph/v24.0/act_{Account}/message_campaign") { Content = new StringContent("""{"name":"ours-c1","page_id":104567890123456,"lifetime_budget":3000}""", Encoding.UTF8, "application/json") };
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "local-token");

        using var refused = await bot.Client.SendAsync(wrong);
        using var created = await bot.Client.SendAsync(right);
        using var listed = await bot.Client.GetAsync($"/local-graph/v24.0/act_{Account}/ads?access_token=local-token");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"code\":190", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        Assert.Contains($"\"id\":\"{id}\"", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"name\":\"ours-c1\"", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_the_stand_in_stops_the_host_naming_the_setting()
    {
        var failure = Assert.ThrowsAny<Exception>(() => BotHost.Start(
            _database.FilePath,
            new Dictionary<string, string?> { ["Messenger:MarketingMessages:LocalGraph:Enabled"] = "true" }));

        Assert.Contains("Messenger:MarketingMessages:LocalGraph:Enabled is for Development only", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();

    private static (string Field, JsonObject Value) Inner(JsonObject body)
    {
        if (body["entry"] is JsonArray entries)
        {
            var change = entries[0]!["changes"]![0]!;
            return (change["field"]!.GetValue<string>(), change["value"]!.AsObject());
        }

        // Meta's failure is the one event without a field.
        return (body["field"]?.GetValue<string>() ?? "marketing_message_delivery_failed", body);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<(string Signature, string Body)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.Add((request.Headers.GetValues(MessengerSignature.HeaderName).Single(), await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
