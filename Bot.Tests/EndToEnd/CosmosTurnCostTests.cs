using System.Text;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Storage.Cosmos;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.EndToEnd;

/// <summary>
/// What a customer's turns cost in Cosmos DB, counted at the client on the local test server (every
/// document operation the host sends; the delivery poller's idle query of campaigns and the unanswered
/// hand-offs' look at the open list, each on its own timer, left out): a
/// steady turn reads the conversation's state once and writes it at most once, the messaging window
/// costs a read and a replace once a minute, "my notifications" reads each of the customer's documents
/// once for all topics, and the state stays small (docs/cosmos-db.md, "What a turn costs").
/// </summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosTurnCostTests(CosmosTestServer server) : EmulatorTest
{
    private readonly CosmosOperationCounter _counter = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_steady_turn_is_one_read_of_the_state_and_at_most_one_write()
    {
        await using var bot = Start();
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("hi");

        foreach (var text in new[] { "order status", "10045", "2", "hours", "3" })
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            var turn = _counter.Measure();
            await emulator.SayAndReadAsync(text);

            var operations = TurnOperations(turn);
            if (text == "10045")
            {
                // The order's answer also decides and records the order-updates offer: its own documents.
                operations = [.. operations.Where(o => o.Container == CosmosContainers.State.Name)];
            }

            Assert.True(
                operations.Count(o => o.Kind == "read") == 1 && operations.Count(o => o.Kind != "read") <= 1 && operations.All(o => o.Container == CosmosContainers.State.Name),
                $"'{text}': {Describe(operations)}");
        }
    }

    [Fact]
    public async Task The_window_costs_a_read_and_a_replace_once_a_minute_and_no_turn_looks_for_a_hand_off_that_was_never_opened()
    {
        await using var bot = Start();
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("hi");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await emulator.SayAndReadAsync("hours");

        _clock.Advance(TimeSpan.FromMinutes(2));
        var turn = _counter.Measure();
        await emulator.SayAndReadAsync("hours");

        // "hours" again leaves the dialog where it was: the new stamp alone does not rewrite the state.
        var operations = TurnOperations(turn);
        Assert.Equal(
            ["read state", "read customers", "replace customers"],
            operations.Select(o => $"{o.Kind} {o.Container}"));

        // The conversation's first message asked the store once (its state had no answer yet); no turn since.
        Assert.Single(_counter.Operations, o => Uri.UnescapeDataString(o.Path).Contains("/docs/handoff|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task My_notifications_reads_the_customers_documents_once_for_every_topic()
    {
        await using var bot = Start();
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("hi");

        _clock.Advance(TimeSpan.FromSeconds(5));
        var turn = _counter.Measure();
        await emulator.SayAndReadAsync("my notifications");

        var reads = TurnOperations(turn).Where(o => o.Kind == "read").GroupBy(o => o.Path).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(reads.Where(r => r.Key.Contains("/docs/window", StringComparison.Ordinal) || r.Key.Contains("/docs/offers", StringComparison.Ordinal)).All(r => r.Value == 1), Describe(TurnOperations(turn)));
    }

    [Fact]
    public async Task The_order_answer_decides_and_records_its_offer_reading_each_document_once()
    {
        await using var bot = Start();
        var emulator = new EmulatorClient(bot, Channel);
        await emulator.SayAndReadAsync("hi");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await emulator.SayAndReadAsync("order status");

        _clock.Advance(TimeSpan.FromSeconds(5));
        var turn = _counter.Measure();
        var replies = await emulator.SayAndReadAsync("10045");

        // The offer went out (an Adaptive Card on the Emulator) and was recorded on the history it was decided on.
        Assert.Contains(replies, r => r.Attachments?.Count > 0);
        var operations = TurnOperations(turn);
        var readTwice = operations.Where(o => o.Kind == "read").GroupBy(o => o.Path).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(readTwice.Count == 0, $"read twice: {string.Join(", ", readTwice)}\n{Describe(operations)}");
        Assert.Single(operations, o => o.Kind == "read" && o.Path.Contains("/docs/offers", StringComparison.Ordinal));
        Assert.Single(operations, o => o.Kind == "create" && o.Container == CosmosContainers.Customers.Name && o.Status == 201);

        // The customer wrote the number in this turn, so the offer takes the window from the turn, not the store.
        Assert.DoesNotContain(operations, o => o.Path.Contains("/docs/window", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_todays_offer_was_made_my_notifications_reads_the_subscriptions_once_and_no_stop_rate()
    {
        await using var bot = Start();
        var emulator = await AfterTheOrderAnswersOfferAsync(bot);
        var turn = _counter.Measure();
        await emulator.SayAndReadAsync("my notifications");

        // The card lists the customer's subscriptions (their index read once); the offer of another topic is
        // decided on that list and on the window this turn proves (the customer wrote, so it is open: no read of
        // it), and the day's one offer (OptIns:DailyCap) is used, so no topic's stop rate is read.
        var operations = TurnOperations(turn);
        Assert.Single(operations, o => o.Container == CosmosContainers.Lookups.Name && o.Path.Contains("/docs/customer", StringComparison.Ordinal));
        Assert.DoesNotContain(operations, o => o.Container == CosmosContainers.Pages.Name);
        Assert.Equal(
            ["customers /docs/offers", "lookups /docs/customer", "state /docs/emulator"],
            operations.Where(o => o.Kind == "read").Select(o => $"{o.Container} {o.Path[o.Path.IndexOf("/docs/", StringComparison.Ordinal)..].Split('%')[0].Split('*')[0]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_accepted_opt_in_writes_the_subscription_the_customers_list_and_the_topics_counts_and_no_locator()
    {
        await using var bot = Start();

        // Another customer opted in a moment before: the topic's stop-rate ring exists (its first opt-in creates it).
        var earlier = await AfterTheOrderAnswersOfferAsync(bot);
        using (var allowedBefore = await earlier.SubmitAsync(new { optIn = "allow", topic = "order-updates" }))
        {
            allowedBefore.EnsureSuccessStatusCode();
        }

        var emulator = await AfterTheOrderAnswersOfferAsync(bot);
        var turn = _counter.Measure();
        using (var allowed = await emulator.SubmitAsync(new { optIn = "allow", topic = "order-updates" }))
        {
            allowed.EnsureSuccessStatusCode();
        }

        Assert.StartsWith("Done! You'll get", emulator.NewReplies()[0].Text, StringComparison.Ordinal);
        var writes = TurnOperations(turn).Where(o => o.Kind != "read").Select(Named).Order(StringComparer.Ordinal).ToList();

        // The customer's list of subscriptions and the subscription; its id names its topic (emulator|user|order-updates),
        // so no locator document says where it lives. Then the topic's counts: the stop-rate ring's slot of the hour
        // (one patch: this instance saw the ring hold this hour when the other opt-in counted)
        // and the count of subscribers (never read yet, so not kept yet: its first read counts them,
        // Bot/Storage/Cosmos/CosmosTopicSubscriberCounts.cs). The console's count of acceptances waits for the next
        // flush (the next test).
        Assert.Equal(["create lookups", "create subscriptions", "patch pages stoprate-r", "patch pages subscribers (404)"], writes);
    }

    [Fact]
    public async Task The_consoles_counts_of_the_offer_and_the_opt_in_are_written_by_the_next_flush_not_by_the_turns()
    {
        await using var bot = Start();
        var emulator = await AfterTheOrderAnswersOfferAsync(bot);
        using (var allowed = await emulator.SubmitAsync(new { optIn = "allow", topic = "order-updates" }))
        {
            allowed.EnsureSuccessStatusCode();
        }

        var day = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var stored = new CosmosTopicActivityStore(bot.Services.GetRequiredService<CosmosDatabase>());
        var console = bot.Services.GetRequiredService<ConversationBot.Notifications.Activity.ITopicActivityStore>();
        Assert.DoesNotContain(_counter.Operations, o => o.Kind != "read" && Named(o).Contains("topic-day", StringComparison.Ordinal));
        Assert.Empty(await stored.ReadAsync(day, day, CancellationToken.None));
        Assert.Equal((1, 1), Offered(await console.ReadAsync(day, day, CancellationToken.None)));

        _clock.Advance(new CosmosOptions().TopicCountsFlushInterval);
        await Eventually.TrueAsync(async () => (await stored.ReadAsync(day, day, CancellationToken.None)).Count > 0);

        Assert.Equal((1, 1), Offered(await stored.ReadAsync(day, day, CancellationToken.None)));
        Assert.Equal((1, 1), Offered(await console.ReadAsync(day, day, CancellationToken.None)));

        static (long Offered, long Accepted) Offered(IReadOnlyList<ConversationBot.Notifications.Activity.TopicDay> days) =>
            (days.Single(d => d.TopicId == "order-updates").Counts.Offered, days.Single(d => d.TopicId == "order-updates").Counts.Accepted);
    }

    [Fact]
    public async Task After_a_five_turn_dialog_the_conversation_state_is_under_one_and_a_half_kilobytes()
    {
        await using var bot = Start();
        var emulator = new EmulatorClient(bot, Channel);
        foreach (var text in new[] { "hi", "order status", "10045", "2", "hours" })
        {
            await emulator.SayAndReadAsync(text);
        }

        // The document as stored, read by its id (the one the turns read).
        var container = bot.Services.GetRequiredService<CosmosDatabase>().State;
        var id = _counter.Operations.Last(o => o.Container == CosmosContainers.State.Name && o.Kind == "read").Path.Split("/docs/")[1];
        using var read = await container.ReadItemStreamAsync(Uri.UnescapeDataString(id), new PartitionKey(Uri.UnescapeDataString(id)));
        read.EnsureSuccessStatusCode();
        using var reader = new StreamReader(read.Content);
        var state = await reader.ReadToEndAsync();
        Assert.True(Encoding.UTF8.GetByteCount(state) <= 1536, $"{Encoding.UTF8.GetByteCount(state)} bytes:\n{state}");
    }

    /// <summary>"hi", "order status", "10045" 5 s apart (the order's answer offers order updates), and 5 s more.</summary>
    private async Task<EmulatorClient> AfterTheOrderAnswersOfferAsync(BotHost bot)
    {
        var emulator = new EmulatorClient(bot, Channel);
        foreach (var text in new[] { "hi", "order status", "10045" })
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await emulator.SayAndReadAsync(text);
        }

        _clock.Advance(TimeSpan.FromSeconds(5));
        return emulator;
    }

    private BotHost Start()
    {
        var settings = server.Settings("cost" + Guid.NewGuid().ToString("N"));
        return BotHost.Start(Database.FilePath, settings, services =>
        {
            services.Configure<CosmosClientOptions>(options =>
            {
                CosmosTestServer.UseWorkarounds(options);
                options.CustomHandlers.Add(_counter);
            });
            services.AddSingleton<TimeProvider>(_clock);
        });
    }

    /// <summary>
    /// The turn's operations: the delivery poller's query of due campaigns and the read of the open
    /// hand-offs' list (Bot/Desk/UnansweredHandoffNotices.cs, every 30 seconds) run on their own timers.
    /// </summary>
    private static List<CosmosOperation> TurnOperations(CosmosOperationCounter.Window turn) =>
        [.. turn.Operations.Where(o => o.Container != CosmosContainers.Campaigns.Name && !Uri.UnescapeDataString(o.Path).Contains("/docs/handoffs|open", StringComparison.Ordinal))];

    /// <summary>
    /// An operation as kind, container, the kind of document where the request names one (a create does not: its
    /// id is in the body), by its id up to the first separator, and the status when it was not a success.
    /// </summary>
    private static string Named(CosmosOperation operation)
    {
        var path = Uri.UnescapeDataString(operation.Path);
        var docs = path.IndexOf("/docs/", StringComparison.Ordinal);
        var document = docs < 0 ? "" : " " + path[(docs + 6)..].Split('|', '*')[0];
        var status = operation.Status is >= 200 and < 300 ? "" : $" ({operation.Status})";
        return $"{operation.Kind} {operation.Container}{document}{status}";
    }

    private static string Describe(IEnumerable<CosmosOperation> operations) =>
        string.Join("; ", operations.Select(o => $"{o.Kind} {o.Container} {o.Status}"));
}
