using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>The webhook end to end: the real host on Kestrel, signed sample payloads, replies at a fake Graph API.</summary>
public sealed class MessengerWebhookTests
{
    [Fact]
    public async Task The_handshake_with_the_right_verify_token_answers_the_challenge()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.Host.Client.GetAsync($"/api/messenger?hub.mode=subscribe&hub.verify_token={MessengerBot.VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("subscribe", "")]
    [InlineData("unsubscribe", MessengerBot.VerifyToken)]
    public async Task The_handshake_with_a_wrong_token_or_mode_is_forbidden(string mode, string token)
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.Host.Client.GetAsync($"/api/messenger?hub.mode={mode}&hub.verify_token={token}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", HttpStatusCode.Unauthorized)]
    [InlineData("garbage", HttpStatusCode.Forbidden)]
    [InlineData("wrong secret", HttpStatusCode.Forbidden)]
    [InlineData("another body", HttpStatusCode.Forbidden)]
    public async Task A_body_without_a_valid_signature_is_rejected_and_nothing_is_processed(string signatureKind, HttpStatusCode expected)
    {
        await using var bot = await MessengerBot.StartAsync();
        var body = Encoding.UTF8.GetBytes(MessengerBot.Sample("message-text.json"));
        var signature = signatureKind switch
        {
            "missing" => null,
            "garbage" => "sha256=not-hex",
            "wrong secret" => MessengerSignature.Sign(body, "another-secret"),
            _ => MessengerSignature.Sign(Encoding.UTF8.GetBytes(MessengerBot.Sample("postback.json")), MessengerBot.AppSecret),
        };

        using var response = await bot.PostAsync(body, signature);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(bot.Graph.Requests);
        Assert.Empty(bot.Bot.Received);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_with_umlaut_and_emoji_is_accepted_signed_over_its_raw_bytes_or_its_escaped_form(bool signEscaped)
    {
        await using var bot = await MessengerBot.StartAsync();
        var body = Encoding.UTF8.GetBytes(MessengerBot.Sample("message-text.json").Replace("Wo ist meine Bestellung 10045?", "Rückgabe 😀", StringComparison.Ordinal));
        var signed = signEscaped ? MessengerSignature.EscapeNonAscii(body)! : body;

        using var response = await bot.PostAsync(body, MessengerSignature.Sign(signed, MessengerBot.AppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Rückgabe 😀", Assert.Single(bot.Bot.Received).Text);
        Assert.NotEmpty(bot.Graph.Requests);
    }

    [Fact]
    public async Task A_text_message_in_German_gets_the_order_status_through_the_Send_API()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH");

        using var response = await bot.PostSampleAsync("message-text.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = Assert.Single(bot.Bot.Received);
        Assert.Equal(("messenger", MessengerBot.Psid, MessengerBot.Psid, MessengerBot.PageId), (activity.ChannelId, activity.Conversation.Id, activity.From.Id, activity.Recipient.Id));
        Assert.Equal(MessengerSamples.Instant, activity.Timestamp);
        Assert.Equal("de-CH", activity.Locale);

        var requests = bot.Graph.Requests;
        Assert.All(requests, r => Assert.Equal((MessengerBot.Psid, "RESPONSE", MessengerBot.PageId, MessengerBot.PageAccessToken), (r.RecipientId, r.MessagingType, r.Page, r.AccessToken)));
        var messages = bot.Graph.Messages.Select(m => m.ToJsonString()).ToList();
        Assert.Contains(messages, m => m.Contains("10045", StringComparison.Ordinal));
        var last = bot.Graph.Messages[^1];
        Assert.Equal("Kann ich dir sonst noch helfen?", last["text"]!.GetValue<string>());
        Assert.Contains("Bestellstatus", last["quick_replies"]!.AsArray().Select(q => q!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_quick_reply_answers_with_its_title_and_keeps_the_payload_in_channel_data()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSampleAsync("message-quick-reply.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = Assert.Single(bot.Bot.Received);
        Assert.Equal("Order status", activity.Text);
        Assert.Equal("MENU_ORDER_STATUS", ((JObject)activity.ChannelData)["message"]!["quick_reply"]!["payload"]!.Value<string>());
        var reply = Assert.Single(bot.Graph.Messages);
        Assert.StartsWith("What's your order number?", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postback_answers_with_its_title()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSampleAsync("postback.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = Assert.Single(bot.Bot.Received);
        Assert.Equal("Talk to a person", activity.Text);
        Assert.Equal("MENU_HANDOFF", ((JObject)activity.ChannelData)["postback"]!["payload"]!.Value<string>());
        Assert.Contains(bot.Graph.Messages, m => m["text"]?.GetValue<string>().StartsWith("I've asked a colleague to take over.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_image_arrives_as_an_attachment_and_the_bot_says_it_cannot_look_at_it()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSampleAsync("message-image.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attachment = Assert.Single(Assert.Single(bot.Bot.Received).Attachments);
        Assert.Equal(("image/*", "https://example.com/photo-of-damaged-parcel.jpg"), (attachment.ContentType, attachment.ContentUrl));
        var reply = Assert.Single(bot.Graph.Messages);
        Assert.StartsWith("Thanks! I can't look at pictures or files myself.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("echo.json")]
    [InlineData("echo-platform-optin-prompt.json")]
    [InlineData("delivery-read.json")]
    public async Task Echoes_deliveries_and_reads_are_acknowledged_and_not_answered(string sample)
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSampleAsync(sample);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Bot.Received);
        Assert.Empty(bot.Graph.Requests);
    }

    [Theory]
    [InlineData("optin-notification-messages.json", "active")]
    [InlineData("optin-2022-weekly.json", "active")]
    [InlineData("optin-refreshed.json", "active")]
    [InlineData("optin-stop.json", null)]
    [InlineData("optin-stop-underscore.json", null)]
    [InlineData("optin-resume.json", null)]
    [InlineData("optin-unrequested.json", "active")]
    public async Task An_optin_is_recorded_by_the_consent_service_without_a_turn_of_the_bot_and_nothing_is_said(string sample, string? status)
    {
        await using var bot = await MessengerBot.StartAsync(settings: AdminClient.Settings());

        using var response = await bot.PostSampleAsync(sample);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Bot.Received);
        Assert.Empty(bot.Graph.Requests);
        var customer = JObject.Parse(MessengerBot.Sample(sample))["entry"]![0]!["messaging"]![0]!["sender"]!["id"]!.Value<string>()!;
        var subscriptions = await new AdminClient(bot.Host).SubscriptionsAsync("messenger", customer);
        Assert.Equal(status is null ? [] : [status], subscriptions.Select(s => s!["status"]!.GetValue<string>().ToLowerInvariant()));
    }

    [Fact]
    public async Task A_batch_is_answered_for_all_three_events_in_order()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSampleAsync("batch.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["hi", "order status", "Start"], bot.Bot.Received.Select(a => a.Text));
        var texts = bot.Graph.Messages.Select(m => m["text"]?.GetValue<string>() ?? m["attachment"]?["payload"]?["text"]?.GetValue<string>()).ToList();
        Assert.Equal(4, texts.Count);
        Assert.Equal("How can I help you?", texts[0]);
        Assert.StartsWith("What's your order number?", texts[1], StringComparison.Ordinal);

        // Get Started (its payload, whatever the label): the welcome, then the menu.
        Assert.Contains("I can check the status of your order", texts[2], StringComparison.Ordinal);
        Assert.Equal("How can I help you?", texts[3]);
    }

    [Fact]
    public async Task The_same_POST_delivered_twice_is_processed_once()
    {
        await using var bot = await MessengerBot.StartAsync();

        using var first = await bot.PostSampleAsync("batch.json");
        var sent = bot.Graph.Requests.Count;
        using var retry = await bot.PostSampleAsync("batch.json");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal(3, bot.Bot.Received.Count);
        Assert.Equal(sent, bot.Graph.Requests.Count);
    }

    [Fact]
    public async Task The_same_optin_delivered_twice_is_processed_once()
    {
        await using var bot = await MessengerBot.StartAsync(replaceServices: ObservedSubscriptionStore.Around<ConversationBot.Bot.Storage.Sqlite.SqliteSubscriptionStore>);
        var store = bot.Host.Services.GetRequiredService<ObservedSubscriptionStore>();

        using var first = await bot.PostSampleAsync("optin-notification-messages.json");
        var applied = store.Calls;
        using var retry = await bot.PostSampleAsync("optin-notification-messages.json");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.True(applied > 0, "the opt-in must reach the subscription store");
        Assert.Equal(applied, store.Calls);
    }

    [Theory]
    [InlineData("{\"object\": \"page\", \"entry\": [", HttpStatusCode.BadRequest)]
    [InlineData("not json at all", HttpStatusCode.BadRequest)]
    [InlineData("[1, 2]", HttpStatusCode.BadRequest)]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"1\", \"messaging\": [42]}]}", HttpStatusCode.OK)]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"1\", \"messaging\": [{\"timestamp\": \"soon\"}]}]}", HttpStatusCode.OK)]
    [InlineData("{\"object\": \"instagram\", \"entry\": [{\"id\": \"1\", \"messaging\": [{\"sender\": {\"id\": \"1\"}, \"message\": {\"mid\": \"x\", \"text\": \"hi\"}}]}]}", HttpStatusCode.OK)]
    [InlineData("{\"object\": \"page\", \"entry\": []}", HttpStatusCode.OK)]
    [InlineData("{\"object\": \"page\"}", HttpStatusCode.OK)]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"1\", \"messaging\": []}]}", HttpStatusCode.OK)]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"1\", \"messaging\": [{\"message\": {\"mid\": \"x\", \"text\": \"no sender\"}}]}]}", HttpStatusCode.OK)]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"1\", \"messaging\": [{\"sender\": {\"id\": \"1\"}, \"reaction\": {\"mid\": \"x\"}}]}]}", HttpStatusCode.OK)]
    public async Task Bad_input_gets_400_or_is_acknowledged_and_ignored_never_500(string body, HttpStatusCode expected)
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSignedAsync(body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(bot.Bot.Received);
        Assert.Empty(bot.Graph.Requests);
    }

    [Theory]
    [InlineData("{\"object\": \"page\", \"entry\": {\"id\": \"1\"}}", "$.entry")]
    [InlineData("{\"object\": [\"page\"], \"entry\": []}", "$.object")]
    [InlineData("{\"object\": \"page\", \"entry\": [{\"id\": \"1\", \"messaging\": {}}]}", "$.entry[0].messaging")]
    public async Task A_body_that_is_no_webhook_payload_is_described_by_its_JSON_path_not_by_our_type_names(string body, string path)
    {
        await using var bot = await MessengerBot.StartAsync();

        using var response = await bot.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        Assert.Contains(path, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("ConversationBot", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_starts_with_a_byte_order_mark_is_read()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH");
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(MessengerBot.Sample("message-text.json"))];

        using var response = await bot.PostAsync(body, MessengerSignature.Sign(body, MessengerBot.AppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Wo ist meine Bestellung 10045?", Assert.Single(bot.Bot.Received).Text);
    }

    [Fact]
    public async Task Events_of_different_senders_in_one_POST_run_side_by_side_and_each_senders_in_order()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH");
        const int senders = 10;
        var events = Enumerable.Range(0, senders).SelectMany(i => new[] { Message($"70000{i}", $"m-{i}-a", "hi"), Message($"70000{i}", $"m-{i}-b", "Rückgabe") });
        var body = "{\"object\": \"page\", \"entry\": [{\"id\": \"" + MessengerBot.PageId + "\", \"time\": 1, \"messaging\": [" + string.Join(",", events) + "]}]}";

        // No Send API answer until every sender has a reply waiting: one turn at a time would never get there.
        bot.Graph.HoldFrom(1);
        var post = bot.PostSignedAsync(body);
        await CampaignChecks.WaitUntilAsync(() => bot.Graph.Held >= senders);
        bot.Graph.ReleaseHeld();
        using var response = await post;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(senders, bot.Graph.Requests.Take(senders).Select(r => r.RecipientId).Distinct().Count());
        foreach (var sender in Enumerable.Range(0, senders).Select(i => $"70000{i}"))
        {
            Assert.Equal(["hi", "Rückgabe"], bot.Bot.Received.Where(a => a.From.Id == sender).Select(a => a.Text));
        }
    }

    private static string Message(string psid, string mid, string text) => new JsonObject
    {
        ["sender"] = new JsonObject { ["id"] = psid },
        ["recipient"] = new JsonObject { ["id"] = MessengerBot.PageId },
        ["timestamp"] = MessengerSamples.Instant.ToUnixTimeMilliseconds(),
        ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text },
    }.ToJsonString();

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_before_anything_else()
    {
        await using var bot = await MessengerBot.StartAsync();
        var body = "{\"object\": \"page\", \"padding\": \"" + new string('x', 300 * 1024) + "\"}";

        using var response = await bot.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
