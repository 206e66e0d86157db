using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.Turns;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// No input can take the bot off Messenger: an event that can never run is set aside with its reason
/// (listed by the admin API) and the rest of its POST runs; a turn that keeps failing is set aside
/// after its attempts, and its POST is answered 200 at once (Meta unsubscribes an app whose webhook fails for an hour).
/// </summary>
public sealed class MessengerSetAsideTests
{
    private const string GoodSender = "1111111111111111";
    private const string BadSender = "2222222222222222";

    public static TheoryData<string, string> BadEvents => new()
    {
        { "an expiry past the end of time", Optin(""" "token_expiry_timestamp": 9223372036854775807, "notification_messages_token": "77", "payload": "topic:weekly-deals" """) },
        { "an expiry that is text", Optin(""" "token_expiry_timestamp": "soon", "notification_messages_token": "77", "payload": "topic:weekly-deals" """) },
        { "a timestamp past the end of time", Event(""" "timestamp": 9007199254740993, "message": {"mid": "m-bad", "text": "hi"} """) },
        { "a lone surrogate in the text", Event(""" "timestamp": 1795600000000, "message": {"mid": "m-bad", "text": "\ud800"} """) },
        { "a lone surrogate in the message id", Event(""" "timestamp": 1795600000000, "message": {"mid": "m-\udfff", "text": "hi"} """) },
        { "a lone surrogate in a quick reply payload", Event(""" "timestamp": 1795600000000, "message": {"mid": "m-bad", "text": "x", "quick_reply": {"payload": "\ud800"}} """) },
        { "a lone surrogate in an attachment url", Event(""" "timestamp": 1795600000000, "message": {"mid": "m-bad", "attachments": [{"type": "image", "payload": {"url": "https://x/\ud800"}}]} """) },
        { "a lone surrogate in a postback payload", Event(""" "timestamp": 1795600000000, "postback": {"title": "Go", "payload": "\ud800"} """) },
        { "a lone surrogate in a postback title", Event(""" "timestamp": 1795600000000, "postback": {"title": "\ud800", "payload": "x"} """) },
        { "a lone surrogate in an opt-in payload", Optin(""" "payload": "\ud800", "notification_messages_token": "77" """) },
        { "a lone surrogate in an opt-in title", Optin(""" "title": "\ud800", "notification_messages_token": "77" """) },
        { "a lone surrogate in an opt-in token", Optin(""" "notification_messages_token": "\ud800" """) },
        { "a sender id that is no PSID", Event(""" "timestamp": 1795600000000, "message": {"mid": "m-bad", "text": "hi"} """).Replace(BadSender, "-1", StringComparison.Ordinal) },
        { "a value of the wrong type", Event(""" "timestamp": "soon", "message": {"mid": "m-bad", "text": "hi"} """) },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task An_event_that_can_never_run_is_set_aside_and_the_rest_of_its_POST_runs_once(string what, string badEvent)
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH", settings: AdminClient.Settings());

        using var response = await bot.PostSignedAsync(Batch(Good("m-1"), badEvent, Good("m-2")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["hallo", "hallo"], bot.Bot.Received.Select(a => a.Text));
        Assert.All(bot.Graph.Requests, r => Assert.Equal(GoodSender, r.RecipientId));
        var setAside = Assert.Single(await SetAsideAsync(bot));
        Assert.False(string.IsNullOrWhiteSpace(setAside!["reason"]!.GetValue<string>()), what);

        // Meta's redelivery of the same POST: nothing runs twice, nothing is set aside twice.
        using var again = await bot.PostSignedAsync(Batch(Good("m-1"), badEvent, Good("m-2")));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, bot.Bot.Received.Count);
        Assert.Single(await SetAsideAsync(bot));
    }

    [Fact]
    public async Task A_byte_that_is_not_UTF_8_sets_aside_only_the_event_it_is_in()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH", settings: AdminClient.Settings());
        var bad = Encoding.UTF8.GetBytes(Event(""" "timestamp": 1795600000000, "unknown": "XX", "message": {"mid": "m-bad", "text": "hi"} """));
        var at = Array.IndexOf(bad, (byte)'X');
        bad[at] = 0xFF;
        byte[] body = [.. Encoding.UTF8.GetBytes(Batch(Good("m-1"), "BAD").Split("BAD")[0]), .. bad, .. Encoding.UTF8.GetBytes(Batch(Good("m-1"), "BAD").Split("BAD")[1])];

        using var response = await bot.PostAsync(body, MessengerSignature.Sign(body, MessengerBot.AppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["hallo"], bot.Bot.Received.Select(a => a.Text));
        Assert.Contains("not valid Unicode", Assert.Single(await SetAsideAsync(bot))!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException), 1)]
    [InlineData(typeof(IOException), MessengerEndpoints.MaxAttemptsOfPassingFailures)]
    public async Task A_turn_that_fails_on_every_attempt_is_set_aside_and_answered_200(Type failure, int attempts)
    {
        // The opt-in's consent change fails, as a broken store (or a bug below it) makes it fail.
        await using var bot = await MessengerBot.StartAsync(
            settings: AdminClient.Settings(),
            replaceServices: ObservedSubscriptionStore.Around<ConversationBot.Bot.Storage.Sqlite.SqliteSubscriptionStore>);
        bot.Host.Services.GetRequiredService<ObservedSubscriptionStore>().Failure = (Exception)Activator.CreateInstance(failure, "the store said no")!;

        // One POST, answered 200 at once; the bot tries the turn again on its own, spaced out, then gives up.
        using var post = await bot.PostSampleAsync("optin-notification-messages.json");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        for (var attempt = 1; attempt < attempts; attempt++)
        {
            Assert.Empty(await SetAsideAsync(bot));
            await bot.AdvanceAsync(TurnRetrySchedule.After(attempt));
        }

        var setAside = Assert.Single(await SetAsideAsync(bot));
        Assert.Contains($"attempt {attempts}", setAside!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("the store said no", setAside!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("8183222379117308817", setAside!["rawEvent"]!.GetValue<string>(), StringComparison.Ordinal);

        // Meta delivering it again changes nothing: it stays set aside, once.
        using var afterwards = await bot.PostSampleAsync("optin-notification-messages.json");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Single(await SetAsideAsync(bot));
    }

    private static Task<JsonArray> SetAsideAsync(MessengerBot bot) => new AdminClient(bot.Host).SetAsideEventsAsync();

    private static string Good(string mid) =>
        "{\"sender\": {\"id\": \"" + GoodSender + "\"}, \"recipient\": {\"id\": \"" + MessengerBot.PageId + "\"}, \"timestamp\": 1795600000000, \"message\": {\"mid\": \"" + mid + "\", \"text\": \"hallo\"}}";

    private static string Event(string members) =>
        "{\"sender\": {\"id\": \"" + BadSender + "\"}, \"recipient\": {\"id\": \"" + MessengerBot.PageId + "\"}, " + members + "}";

    private static string Optin(string fields) =>
        Event(" \"timestamp\": 1795600000000, \"optin\": {\"type\": \"notification_messages\", " + fields + "} ");

    private static string Batch(params string[] events) =>
        "{\"object\": \"page\", \"entry\": [{\"id\": \"" + MessengerBot.PageId + "\", \"time\": 1795600000000, \"messaging\": [" + string.Join(", ", events) + "]}]}";
}
