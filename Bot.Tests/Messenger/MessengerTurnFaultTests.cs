using System.Net;
using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// A webhook turn is neither repeated nor lost: a reply the Send API refuses for a moment is tried
/// again within the turn; a turn none of whose replies could go out is answered 503 for Meta to
/// redeliver; and a turn taken over from a host that died after some replies sends only the rest.
/// </summary>
public sealed class MessengerTurnFaultTests
{
    private const string ServerError = """{"error":{"message":"An unexpected error has occurred. Please retry your request later.","type":"OAuthException","code":2,"fbtrace_id":"A1"}}""";

    [Fact]
    public async Task A_reply_that_gets_a_500_and_then_a_200_reaches_the_customer_once_without_an_apology()
    {
        var expected = await RepliesToTheSampleMessageAsync();
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH");
        bot.Graph.AnswerNext(500, ServerError);

        using var response = await bot.PostSampleAsync("message-text.json");

        // The first request was refused (nothing reached the customer); its retry and the rest went through once.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Texts(bot, skip: 1));
        Assert.Equal(expected[0], Texts(bot)[0]);
    }

    [Fact]
    public async Task A_turn_whose_replies_all_fail_is_answered_503_and_the_redelivery_answers_the_customer()
    {
        var expected = await RepliesToTheSampleMessageAsync();
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH");
        for (var i = 0; i < 3; i++)
        {
            bot.Graph.AnswerNext(500, ServerError);
        }

        using (var failed = await bot.PostSampleAsync("message-text.json"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        var refused = bot.Graph.Requests.Count;
        using (var redelivered = await bot.PostSampleAsync("message-text.json"))
        {
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }

        Assert.Equal(expected, Texts(bot, skip: refused));
        Assert.DoesNotContain(Texts(bot), t => t.StartsWith("Entschuldigung", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_turn_taken_over_from_a_host_that_died_after_its_first_reply_sends_only_the_rest()
    {
        var expected = await RepliesToTheSampleMessageAsync();
        Assert.True(expected.Count >= 2, "the sample message must get several replies");
        await using var dying = await MessengerBot.StartAsync(locale: "de-CH");

        // The first reply is answered, the second never: the host is stuck with it, as good as dead.
        dying.Graph.HoldFrom(2);
        var stuck = dying.PostSampleAsync("message-text.json");
        await CampaignChecks.WaitUntilAsync(() => dying.Graph.Held == 1);

        // Meta redelivers the unanswered POST; another host takes the event over once its claim is abandoned.
        await using var second = await MessengerBot.StartAsync(
            locale: "de-CH",
            databasePath: dying.DatabasePath,
            clockAt: dying.Clock.GetUtcNow() + SqliteMessengerEventLog.AbandonedAfter + TimeSpan.FromSeconds(1));
        using (var redelivered = await second.PostSampleAsync("message-text.json"))
        {
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }

        var first = dying.Graph.Messages.Take(1).Select(TextOf).ToList();
        Assert.Equal(expected, [.. first, .. Texts(second)]);
        dying.Graph.ReleaseHeld();
        using var late = await stuck;
    }

    /// <summary>What the sample message gets when nothing fails, as texts (or the template type).</summary>
    private static async Task<List<string>> RepliesToTheSampleMessageAsync()
    {
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH");
        using var response = await bot.PostSampleAsync("message-text.json");
        response.EnsureSuccessStatusCode();
        return Texts(bot);
    }

    private static List<string> Texts(MessengerBot bot, int skip = 0) =>
        [.. bot.Graph.Requests.Skip(skip).Where(r => r.Body["message"] is not null).Select(r => TextOf((System.Text.Json.Nodes.JsonObject)r.Body["message"]!))];

    private static string TextOf(System.Text.Json.Nodes.JsonObject message) =>
        message["text"]?.GetValue<string>() ?? message["attachment"]?["payload"]?["template_type"]?.GetValue<string>() ?? message.ToJsonString();
}
