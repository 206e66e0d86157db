using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.Turns;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// A big webhook POST is answered in time and every customer in it answered exactly once, also when
/// the host dies half-way: the published bot as a process of its own takes a 1,000-event POST with a
/// Send API that needs 150 ms a call, is killed (SIGKILL) with half the replies out and a step of
/// them in flight, and a second host on the same database takes the rest over. Counted at the fake
/// Graph API, from outside both hosts.
/// </summary>
public sealed class MessengerBatchCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Customers = 1_000;
    private const int MaxConcurrentTurns = 32;

    private readonly TempDatabase _database = new();
    private FakeGraphApi _graph = null!;

    public async Task InitializeAsync() => _graph = await FakeGraphApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_1000_event_POST_is_answered_at_once_and_each_customer_gets_each_reply_once_across_a_kill_half_way()
    {
        var settings = new Dictionary<string, string?>(MessengerBot.Settings(_graph))
        {
            ["Storage:Sqlite:Path"] = _database.FilePath,
            ["Delivery:Enabled"] = "false",
            ["Messenger:MaxBodyBytes"] = (1024 * 1024).ToString(CultureInfo.InvariantCulture),
            ["Messenger:MaxConcurrentTurns"] = MaxConcurrentTurns.ToString(CultureInfo.InvariantCulture),
            ["Messenger:TurnLease"] = "00:00:02",
        };
        var expected = await RepliesToOneCustomerAsync();
        var first = await BotProcess.StartAsync(settings);
        using var client = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // A slow Send API that stops answering half-way through the batch.
        _graph.ResponseDelay = TimeSpan.FromMilliseconds(150);
        _graph.HoldFrom(Customers * expected.Count / 2);
        var answered = await PostAsync(client, Batch(1, Customers));

        // The kill comes when every turn the host may run at once is stuck in the Send API with its reply
        // on the way: each of those replies has reached Meta (the fake counts it) and nothing is between
        // its record and its request. (A kill inside that instant would lose the reply: never repeat it.)
        await CampaignChecks.WaitUntilAsync(() => _graph.Held >= MaxConcurrentTurns);
        await first.KillAsync();
        var inFlight = _graph.Held;
        _graph.ReleaseHeld();
        _graph.ResponseDelay = TimeSpan.Zero;

        await using var second = BotHost.Start(_database.FilePath, settings);
        var log = second.Services.GetRequiredService<IMessengerEventLog>();
        await Polling.UntilAsync(
            async () => (await log.ListUnfinishedAsync(1, CancellationToken.None)).Count,
            left => left == 0,
            TimeSpan.FromSeconds(120),
            left => $"{left} events still unfinished");
        await second.Services.GetRequiredService<MessengerTurnQueue>().WhenSettledAsync();

        var got = Enumerable.Range(1, Customers).Select(Texts).ToList();
        var lost = got.Count(texts => texts.Count < expected.Count);
        var duplicated = got.Count(texts => texts.Count > expected.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1,000-event POST answered in {answered.TotalSeconds:F2} s; {expected.Count} replies a customer; killed with {inFlight} replies in flight; customers short of a reply {lost}, with a reply twice {duplicated}"));
        Assert.True(answered < TimeSpan.FromSeconds(5), $"Meta wants its 200 within 5 s; it took {answered.TotalSeconds:F2} s");
        Assert.True(inFlight > 0, "the host must die with replies in flight");
        Assert.Equal((0, 0), (lost, duplicated));
        Assert.All(got, texts => Assert.Equal(expected, texts));
    }

    /// <summary>What a customer gets for the message with nothing in the way (an in-process host of its own).</summary>
    private static async Task<List<string>> RepliesToOneCustomerAsync()
    {
        await using var reference = await MessengerBot.StartAsync();
        using var response = await reference.PostAsync(Batch(0, 1, MessengerSamples.Instant.ToUnixTimeMilliseconds()), MessengerSignature.Sign(Batch(0, 1, MessengerSamples.Instant.ToUnixTimeMilliseconds()), MessengerBot.AppSecret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = Texts(reference.Graph, 0);
        Assert.NotEmpty(replies);
        return replies;
    }

    private List<string> Texts(int customer) => Texts(_graph, customer);

    private static List<string> Texts(FakeGraphApi graph, int customer)
    {
        var psid = Psid(customer);
        return [.. graph.Requests.Where(r => r.RecipientId == psid && r.Body["message"] is not null).Select(r => r.Body["message"]!.ToJsonString())];
    }

    private static async Task<TimeSpan> PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.TryAddWithoutValidation(MessengerSignature.HeaderName, MessengerSignature.Sign(body, MessengerBot.AppSecret));
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(MessengerEndpoints.Path, content);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return elapsed;
    }

    private static string Psid(int customer) => (7_000_000_000_000_000L + customer).ToString(CultureInfo.InvariantCulture);

    /// <summary>One signed POST: a "hi" from each of <paramref name="count"/> customers, as Meta batches them.</summary>
    private static byte[] Batch(int first, int count, long? at = null)
    {
        var now = at ?? TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var events = Enumerable.Range(first, count).Select(customer => string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"sender":{"id":"{{{Psid(customer)}}}"},"recipient":{"id":"{{{MessengerBot.PageId}}}"},"timestamp":{{{now}}},"message":{"mid":"m-crash-{{{customer}}}","text":"hi"}}"""));
        return Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"object":"page","entry":[{"id":"{{{MessengerBot.PageId}}}","time":{{{now}}},"messaging":[{{{string.Join(',', events)}}}]}]}"""));
    }
}
