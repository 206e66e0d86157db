using System.Net;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Tests.Messenger.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>The Send API client and what replies become, against the fake Graph API.</summary>
public sealed class MessengerSendClientTests : IAsyncLifetime
{
    private const string Psid = MessengerBot.Psid;

    private static readonly string[] MenuTitles = ["Order status", "Opening hours & contact"];

    private FakeGraphApi _graph = null!;
    private ServiceProvider _services = null!;
    private MessengerSendClient _client = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        _client = new MessengerSendClient(
            _services.GetRequiredService<IHttpClientFactory>(),
            Options.Create(new MessengerOptions { PageAccessToken = MessengerBot.PageAccessToken, PageId = MessengerBot.PageId, GraphBaseUrl = _graph.BaseUrl }),
            TimeProvider.System,
            NullLogger<MessengerSendClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task A_reply_is_a_RESPONSE_to_the_PSID_with_the_page_token_and_returns_the_message_id()
    {
        var result = await _client.SendResponseAsync(Psid, new JsonObject { ["text"] = "Hallo" }, CancellationToken.None);

        Assert.Equal(("6543210987654321", "m_AbCdEfGhIjKl"), (result.RecipientId, result.MessageId));
        var request = Assert.Single(_graph.Requests);
        Assert.Equal((MessengerBot.PageId, MessengerBot.PageAccessToken, Psid, "RESPONSE"), (request.Page, request.AccessToken, request.RecipientId, request.MessagingType));
        Assert.Equal("Hallo", request.Body["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Suggested_actions_become_quick_replies_with_titles_of_at_most_20_characters_and_the_full_title_as_payload()
    {
        var activity = MessageFactory.SuggestedActions(MenuTitles.Select(t => new CardAction(ActionTypes.ImBack, t, value: t)).ToList(), "How can I help you?", ssml: null, inputHint: null, toList: null);

        await SendAsync(activity);

        var message = Assert.Single(_graph.Messages);
        Assert.Equal("How can I help you?", message["text"]!.GetValue<string>());
        var replies = message["quick_replies"]!.AsArray().Select(q => (q!["content_type"]!.GetValue<string>(), q["title"]!.GetValue<string>(), q["payload"]!.GetValue<string>()));
        Assert.Equal([("text", "Order status", "Order status"), ("text", "Opening hours & con…", "Opening hours & contact")], replies);
    }

    [Fact]
    public void A_shortened_quick_reply_title_maps_back_to_its_full_answer()
    {
        var body = """{"sender":{"id":"1"},"recipient":{"id":"2"},"timestamp":1,"message":{"mid":"m","text":"Opening hours & co…","quick_reply":{"payload":"Opening hours & contact"}}}""";

        var activity = MessengerActivityFactory.ToActivity(Bot.Messenger.Webhook.MessagingEvent.Read(System.Text.Json.JsonDocument.Parse(body).RootElement), null);

        Assert.Equal("Opening hours & contact", activity!.Text);
    }

    [Fact]
    public async Task A_carousel_of_hero_cards_becomes_one_generic_template()
    {
        var cards = Enumerable.Range(1, 2).Select(i => new HeroCard
        {
            Title = $"Offer {i}",
            Text = "Waterproof, insulated, with a grippy sole for snow and ice, and much more text than fits in a subtitle.",
            Images = [new CardImage($"https://shop.example.com/{i}.jpg")],
            Buttons = [new CardAction(ActionTypes.OpenUrl, "Open in the shop", value: $"https://shop.example.com/{i}"), new CardAction(ActionTypes.ImBack, "Tell me more", value: "more")],
        }.ToAttachment()).ToList();

        await SendAsync(MessageFactory.Carousel(cards, "Current offers:"));

        var messages = _graph.Messages;
        Assert.Equal(2, messages.Count);
        Assert.Equal("Current offers:", messages[0]["text"]!.GetValue<string>());
        var payload = messages[1]["attachment"]!["payload"]!;
        Assert.Equal("generic", payload["template_type"]!.GetValue<string>());
        var element = payload["elements"]!.AsArray()[1]!;
        Assert.Equal("Offer 2", element["title"]!.GetValue<string>());
        Assert.Equal(80, element["subtitle"]!.GetValue<string>().Length);
        Assert.Equal("https://shop.example.com/2.jpg", element["image_url"]!.GetValue<string>());
        Assert.Equal(
            """[{"type":"web_url","url":"https://shop.example.com/2","title":"Open in the shop"},{"type":"postback","title":"Tell me more","payload":"more"}]""",
            element["buttons"]!.ToJsonString());
    }

    [Fact]
    public async Task A_hero_card_of_text_and_a_link_becomes_a_button_template()
    {
        var card = new HeroCard { Text = "Return within 30 days.", Buttons = [new CardAction(ActionTypes.OpenUrl, "Start a return", value: "https://shop.example.com/returns")] };

        await SendAsync(MessageFactory.Attachment(card.ToAttachment()));

        var payload = Assert.Single(_graph.Messages)["attachment"]!["payload"]!;
        Assert.Equal(("button", "Return within 30 days."), (payload["template_type"]!.GetValue<string>(), payload["text"]!.GetValue<string>()));
        Assert.Equal("https://shop.example.com/returns", payload["buttons"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_adaptive_card_becomes_its_text_lines_and_a_button_template_for_its_links()
    {
        var card = JObject.Parse("""
            {"type":"AdaptiveCard","version":"1.4","body":[
              {"type":"TextBlock","text":"Order 10045"},
              {"type":"TextBlock","text":"hidden","isVisible":false},
              {"type":"FactSet","facts":[{"title":"Carrier","value":"Swiss Post"},{"title":"Expected:","value":"27 Nov"}]},
              {"type":"ColumnSet","columns":[{"type":"Column","items":[{"type":"TextBlock","text":"2 × Boots"}]},{"type":"Column","items":[{"type":"TextBlock","text":"CHF 240.00"}]}]},
              {"type":"Image","url":"https://shop.example.com/x.png"}],
             "actions":[{"type":"Action.OpenUrl","title":"Track parcel","url":"https://post.example.com/track"},{"type":"Action.Submit","title":"Returns","data":{"choice":"returns"}}]}
            """);

        await SendAsync(MessageFactory.Attachment(new Attachment("application/vnd.microsoft.card.adaptive", content: card)));

        var payload = Assert.Single(_graph.Messages)["attachment"]!["payload"]!;
        Assert.Equal("button", payload["template_type"]!.GetValue<string>());
        Assert.Equal("Order 10045\nCarrier: Swiss Post\nExpected: 27 Nov\n2 × Boots · CHF 240.00", payload["text"]!.GetValue<string>());
        Assert.Equal(
            """[{"type":"web_url","url":"https://post.example.com/track","title":"Track parcel"},{"type":"postback","title":"Returns","payload":"{\u0022choice\u0022:\u0022returns\u0022}"}]""",
            payload["buttons"]!.ToJsonString());
    }

    [Fact]
    public void A_postback_from_a_card_submit_gives_the_submit_data_back_as_the_value()
    {
        var body = """{"sender":{"id":"1"},"recipient":{"id":"2"},"timestamp":1,"postback":{"title":"Returns","payload":"{\"choice\":\"returns\"}"}}""";

        var activity = MessengerActivityFactory.ToActivity(Bot.Messenger.Webhook.MessagingEvent.Read(System.Text.Json.JsonDocument.Parse(body).RootElement), null);

        Assert.Equal("returns", ((JObject)activity!.Value)["choice"]!.Value<string>());
    }

    [Fact]
    public async Task An_adaptive_card_without_links_is_plain_text()
    {
        var card = JObject.Parse("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Welcome"},{"type":"Container","items":[{"type":"TextBlock","text":"to the shop"}]}]}""");

        await SendAsync(MessageFactory.Attachment(new Attachment("application/vnd.microsoft.card.adaptive", content: card)));

        Assert.Equal("Welcome\nto the shop", Assert.Single(_graph.Messages)["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Typing_is_the_typing_on_sender_action()
    {
        await _client.SendSenderActionAsync(Psid, "typing_on", CancellationToken.None);

        var request = Assert.Single(_graph.Requests);
        Assert.Equal(("typing_on", Psid, null), (request.SenderAction, request.RecipientId, request.MessagingType));
        Assert.Null(request.Body["message"]);
    }

    [Fact]
    public async Task A_token_send_addresses_the_notification_messages_token()
    {
        var result = await _client.SendWithTokenAsync("8183222379117308817", new JsonObject { ["text"] = "This week's deals" }, CancellationToken.None);

        Assert.Equal("m_AbCdEfGhIjKl", result.MessageId);
        var request = Assert.Single(_graph.Requests);
        Assert.Equal("""{"notification_messages_token":"8183222379117308817"}""", request.Body["recipient"]!.ToJsonString());
        Assert.Null(request.MessagingType);
        Assert.Equal(MessengerBot.PageAccessToken, request.AccessToken);
    }

    [Theory]
    [InlineData("send-error-topic-stopped.json", 10, 1893015)]
    [InlineData("send-error-too-soon.json", 4, 2018354)]
    [InlineData("send-error-user-unavailable.json", 551, 1545041)]
    [InlineData("send-error-token-invalid.json", 100, null)]
    public async Task A_Graph_error_body_becomes_an_exception_with_code_and_subcode(string sample, int code, int? subcode)
    {
        var body = MessengerBot.Sample(sample);
        _graph.AnswerNext(400, body);

        var error = await Assert.ThrowsAsync<MessengerSendException>(() => _client.SendWithTokenAsync("8183222379117308817", new JsonObject { ["text"] = "x" }, CancellationToken.None));

        var expected = JsonNode.Parse(body)!["error"]!;
        Assert.Equal((HttpStatusCode.BadRequest, code, subcode), (error.StatusCode, error.Code, error.Subcode));
        Assert.Equal(expected["message"]!.GetValue<string>(), error.GraphMessage);
        Assert.Equal(expected["fbtrace_id"]!.GetValue<string>(), error.FbTraceId);
        Assert.Equal(body, error.Body);
        Assert.DoesNotContain(MessengerBot.PageAccessToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_without_an_error_body_keeps_the_status_and_the_body()
    {
        _graph.AnswerNext(502, "<html>Bad gateway</html>");

        var error = await Assert.ThrowsAsync<MessengerSendException>(() => _client.SendResponseAsync(Psid, new JsonObject { ["text"] = "x" }, CancellationToken.None));

        Assert.Equal((HttpStatusCode.BadGateway, null, null, "<html>Bad gateway</html>"), (error.StatusCode, error.Code, error.Subcode, error.Body));
    }

    private async Task SendAsync(IMessageActivity activity)
    {
        foreach (var message in MessengerMessageFactory.Messages(activity))
        {
            await _client.SendResponseAsync(Psid, message, CancellationToken.None);
        }
    }
}
