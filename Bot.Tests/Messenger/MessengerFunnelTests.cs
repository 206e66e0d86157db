using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConversationBot.Bot.Tests.Messenger.Support;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// The funnel by source (docs/funnel.md), driven through the webhook as Meta delivers it and read from
/// the admin API as an operator would: a QR code's Get Started, an e-mail link into an existing thread,
/// a comment rule and an ad each counted on their own, from entry to stop; refs the bot does not know
/// counted nowhere.
/// </summary>
public sealed partial class MessengerFunnelTests
{
    private const string ApiKey = "funnel-tests-admin-key-0123456789abcdef";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_scripted_run_through_a_QR_code_a_link_a_comment_and_an_ad_gives_each_source_its_funnel()
    {
        await using var bot = await MessengerBot.StartAsync(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });

        // A new person scans the shop's QR code and taps Get Started: entry, conversation, the topic's offer;
        // they accept it in Messenger, and later stop.
        await PostAsync(bot, MessengerBot.Sample("referral-postback-get-started.json").Replace("qr_store_zurich", "topic_weekly-deals__src_store-zurich", StringComparison.Ordinal));
        await PostAsync(bot, MessengerBot.Sample("optin-notification-messages.json"));
        await PostAsync(bot, MessengerBot.Sample("optin-stop.json"));

        // An e-mail's link opens an existing thread (an entry, not yet a conversation); the customer then writes
        // about an order, and the order-updates offer that follows counts for the e-mail too.
        await PostAsync(bot, As("referral-existing-thread.json", "2000000000000002").Replace("email_2026_11_returns", "dialog_returns__src_email", StringComparison.Ordinal));
        await PostAsync(bot, As("message-text.json", "2000000000000002"));

        // A comment with a rule's keyword gets a private reply; the commenter's tap is their conversation and gets the offer.
        await PostAsync(bot, MessengerBot.Sample("feed-comment.json").Replace("\"Meine Bestellung 10045 ist immer noch nicht da :(\"", "\"DEALS please\"", StringComparison.Ordinal));
        var payload = Assert.Single(bot.Graph.Requests, r => r.Body["recipient"]?["comment_id"] is not null).Body["message"]!["quick_replies"]![0]!["payload"]!.GetValue<string>();
        Assert.Equal("topic_weekly-deals__src_comment-deals-en", payload);
        await PostAsync(bot, As("message-quick-reply.json", "3000000000000003").Replace("MENU_ORDER_STATUS", payload, StringComparison.Ordinal));

        // A message after a click-to-Messenger ad whose ref is an entry: entry and conversation at once.
        await PostAsync(bot, As("referral-ad-message.json", "4000000000000004").Replace("ad_black_friday", "get_started__src_ad-black-friday", StringComparison.Ordinal));

        // Refs the bot does not answer, from new people: counted nowhere.
        foreach (var (crafted, i) in new[] { "topic_no-such-topic__src_x", "dialog_nothing", new string('a', 3000), "topic_weekly-deals\u0007" }.Select((r, i) => (r, i)))
        {
            await PostAsync(bot, As("referral-postback-get-started.json", $"500000000000000{i}").Replace("\"qr_store_zurich\"", JsonSerializer.Serialize(crafted), StringComparison.Ordinal));
        }

        var funnel = await ReadFunnelAsync(bot);
        Assert.Equal(
            [
                ("dialog_returns", "email", 1, 1, 1, 0, 0),
                ("get_started", "ad-black-friday", 1, 1, 0, 0, 0),
                ("topic_weekly-deals", "comment-deals-en", 1, 1, 1, 0, 0),
                ("topic_weekly-deals", "store-zurich", 1, 1, 1, 1, 1),
            ],
            funnel.Select(e => (e.Ref, e.Source, e.Entered, e.Conversations, e.OffersShown, e.OptIns, e.Stops)));
        var qr = funnel.Single(e => e.Source == "store-zurich");
        Assert.Equal((1.0, 1.0, 1.0), (qr.ConversationRate, qr.OptInRate, qr.StopRate));
        Assert.Equal((0.0, null), (funnel.Single(e => e.Source == "email").OptInRate, funnel.Single(e => e.Source == "email").StopRate));
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-11-30&to=2026-11-01", "from")]
    [InlineData("from=2024-01-01&to=2026-01-01", "from")]
    [InlineData("to=yesterday", "to")]
    public async Task A_bad_range_is_a_400_naming_the_field(string query, string field)
    {
        await using var bot = await MessengerBot.StartAsync(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });

        using var response = await Admin(bot).GetAsync(new Uri("/api/admin/funnel?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task PostAsync(MessengerBot bot, string body)
    {
        using var response = await bot.PostSignedAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A sample from another person: their id, and message ids of their own (the event log keys on them).</summary>
    private static string As(string sample, string psid) =>
        MessageId().Replace(MessengerBot.Sample(sample).Replace(MessengerBot.Psid, psid, StringComparison.Ordinal), m => m.Value[..^1] + "-" + psid + "\"");

    private static HttpClient Admin(MessengerBot bot)
    {
        var client = bot.Host.Client;
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    private static async Task<List<FunnelEntry>> ReadFunnelAsync(MessengerBot bot)
    {
        var view = await Admin(bot).GetFromJsonAsync<JsonElement>(new Uri("/api/admin/funnel", UriKind.Relative));
        return [.. view.GetProperty("entries").EnumerateArray().Select(e => e.Deserialize<FunnelEntry>(Web)!)];
    }

    [GeneratedRegex("\"mid\": \"[^\"]+\"")]
    private static partial Regex MessageId();

    private sealed record FunnelEntry(string Ref, string? Source, long Entered, long Conversations, long OffersShown, long OptIns, long Stops, double? ConversationRate, double? OptInRate, double? StopRate);
}
