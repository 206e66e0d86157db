using System.Net;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.Turns;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// A webhook turn is neither repeated nor lost: a reply the Send API refuses for a moment is tried
/// again within the turn; a turn none of whose replies could go out is tried again later by the bot
/// (Meta has its 200 already); and a turn taken over from a host that died mid-turn sends only the
/// replies that cannot have gone out.
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
    public async Task A_turn_whose_replies_all_fail_is_tried_again_later_by_the_bot_and_the_customer_gets_each_reply_once()
    {
        var expected = await RepliesToTheSampleMessageAsync();
        await using var bot = await MessengerBot.StartAsync(locale: "de-CH");
        for (var i = 0; i < 3; i++)
        {
            bot.Graph.AnswerNext(500, ServerError);
        }

        // Meta gets its 200 at once: the event is stored, and its turn is the bot's business now.
        using (var response = await bot.PostSampleAsync("message-text.json"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var refused = bot.Graph.Requests.Count;
        Assert.Equal(3, refused);
        await bot.AdvanceAsync(TurnRetrySchedule.After(1) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(refused, bot.Graph.Requests.Count);
        await bot.AdvanceAsync(TimeSpan.FromMilliseconds(1));

        // The retry is due now; on a loaded machine its turn may still be on its way when the queue first
        // reports settled, so wait (at most 10 s of real time) for its replies before looking at them.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (bot.Graph.Requests.Count < refused + expected.Count && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
            await bot.TurnsSettledAsync();
        }

        Assert.Equal(expected, Texts(bot, skip: refused));
        Assert.DoesNotContain(Texts(bot), t => t.StartsWith("Entschuldigung", StringComparison.Ordinal));

        // Meta delivering the event again runs nothing again.
        using var again = await bot.PostSampleAsync("message-text.json");
        Assert.Equal(refused + expected.Count, bot.Graph.Requests.Count);
    }

    [Fact]
    public async Task A_turn_taken_over_from_a_host_that_died_with_a_reply_in_flight_sends_only_the_replies_that_cannot_have_gone_out()
    {
        var expected = await RepliesToTheSampleMessageAsync();
        Assert.True(expected.Count >= 3, "the sample message must get several replies");
        await using var dying = await MessengerBot.StartAsync(locale: "de-CH");

        // The first reply is answered, the second never: the host is stuck with it in flight, as good as dead.
        dying.Graph.HoldFrom(2);
        using (var accepted = await dying.PostWithoutWaitingAsync("message-text.json"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await CampaignChecks.WaitUntilAsync(() => dying.Graph.Held == 1);

        // No redelivery is needed: the event is in the store, and a host started there after the lease takes it over.
        await using var second = await MessengerBot.StartAsync(
            locale: "de-CH",
            databasePath: dying.DatabasePath,
            clockAt: dying.Clock.GetUtcNow() + new MessengerOptions().TurnLease + TimeSpan.FromSeconds(1));
        await CampaignChecks.WaitUntilAsync(() => second.Graph.Requests.Count >= expected.Count - 2);
        await second.TurnsSettledAsync();

        // The reply in flight reached Meta (the fake counts it); its outcome was unknown to the host, so it is not sent again.
        Assert.Equal(expected, [.. dying.Graph.Messages.Select(TextOf), .. Texts(second)]);
        dying.Graph.ReleaseHeld();
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
