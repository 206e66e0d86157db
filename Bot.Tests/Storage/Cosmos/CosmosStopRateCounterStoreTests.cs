using System.Text.Json;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Storage.Cosmos.Documents;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.StopRate;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// The stop-rate documents stay small however busy a topic is: they held every instant before, and a day
/// of some 55,000 opt-ins reached the 2 MB item limit, after which every opt-in and stop failed (issue 26).
/// </summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosStopRateCounterStoreTests(CosmosTestServer server) : IAsyncLifetime
{
    private const int OptIns = 100_000;
    private static readonly DateTimeOffset Day = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static readonly CancellationToken None = CancellationToken.None;

    private CosmosDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    /// <remarks>About a minute of 100,000 requests to the test server; every instant is a constant passed to the store.</remarks>
    [Fact]
    [Trait(ClockFree.Trait, ClockFree.Value)]
    public async Task A_hundred_thousand_opt_ins_in_one_day_are_all_counted_and_every_document_stays_under_4_KB()
    {
        var store = new CosmosStopRateCounterStore(_database, new StopRateOptions());
        var spacing = TimeSpan.FromDays(1) / OptIns;

        // 32 at a time, as many turns of a busy topic would: every increment of an hour lands on one document.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, OptIns),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, token) => await store.RecordOptInAsync("weekly-deals", Day + (spacing * i), token));
        await store.RecordStopAsync("weekly-deals", Day.AddHours(12), CancellationToken.None);

        Assert.Equal(new StopRateCounts(OptIns, 1), await store.CountAsync("weekly-deals", Day, Day.AddDays(1).AddTicks(-1), CancellationToken.None));
        var inHourThree = Enumerable.Range(0, OptIns).Count(i => spacing * i >= TimeSpan.FromHours(3) && spacing * i < TimeSpan.FromHours(4));
        Assert.Equal(new StopRateCounts(inHourThree, 0), await store.CountAsync("weekly-deals", Day.AddHours(3).AddMinutes(10), Day.AddHours(3).AddMinutes(50), CancellationToken.None));
        var sizes = await StopRateDocumentSizesAsync();
        Assert.NotEmpty(sizes);
        Assert.All(sizes, size => Assert.InRange(size, 1, 4096));
    }

    [Fact]
    public async Task The_guards_count_is_one_point_read_and_recording_is_one_patch()
    {
        var counter = new CosmosOperationCounter();
        using var counted = await CountedDatabaseAsync(counter);
        var store = new CosmosStopRateCounterStore(counted, new StopRateOptions());
        var now = Day.AddHours(2);

        // Before the topic's first event: a count reads (the ring, absent; the days kept before it, once) and never writes.
        var first = counter.Measure();
        Assert.Equal(new StopRateCounts(0, 0), await store.CountAsync("weekly-deals", now.AddDays(-7), now, None));
        Assert.Equal(0, first.Writes);
        counter.Start();
        Assert.Equal(new StopRateCounts(0, 0), await store.CountAsync("weekly-deals", now.AddDays(-7), now, None));
        Assert.Equal("read pages x1", counter.ToString());

        await store.RecordOptInAsync("weekly-deals", Day.AddHours(1), None);
        await store.RecordStopAsync("weekly-deals", Day.AddHours(1).AddMinutes(5), None);

        counter.Start();
        await store.RecordOptInAsync("weekly-deals", Day.AddHours(1).AddMinutes(10), None);
        Assert.Equal("patch pages x1", counter.ToString());

        counter.Start();
        Assert.Equal(new StopRateCounts(2, 1), await store.CountAsync("weekly-deals", now.AddDays(-7), now, None));
        Assert.Equal("read pages x1", counter.ToString());
    }

    [Fact]
    public async Task An_hour_a_window_later_takes_its_slot_over_and_an_event_older_than_its_slot_is_not_counted()
    {
        var store = new CosmosStopRateCounterStore(_database, new StopRateOptions());
        var first = Day.AddHours(3).AddMinutes(10);
        var sameSlot = first + (StopRateHour.Length * store.RingLength);
        await store.RecordOptInAsync("weekly-deals", first, None);
        await store.RecordStopAsync("weekly-deals", first, None);
        Assert.Equal(new StopRateCounts(1, 1), await store.CountAsync("weekly-deals", first.AddDays(-7), first, None));

        await store.RecordOptInAsync("weekly-deals", sameSlot, None);
        await store.RecordOptInAsync("weekly-deals", first.AddMinutes(1), None);

        Assert.Equal(new StopRateCounts(1, 0), await store.CountAsync("weekly-deals", sameSlot.AddDays(-7), sameSlot, None));
        Assert.Equal(new StopRateCounts(0, 0), await store.CountAsync("weekly-deals", first.AddDays(-7), first, None));
    }

    [Fact]
    public async Task After_the_upgrade_a_topics_ring_starts_from_the_day_documents_kept_before_it()
    {
        await WriteDayDocumentAsync(new DateOnly(2026, 11, 24), optIns: ("h10", 5), stops: ("h10", 2));
        await WriteDayDocumentAsync(new DateOnly(2026, 11, 18), optIns: ("h10", 4), stops: ("h23", 3));
        await WriteDayDocumentAsync(new DateOnly(2026, 11, 10), optIns: ("h10", 9), stops: ("h10", 9));
        var store = new CosmosStopRateCounterStore(_database, new StopRateOptions());
        var now = Day.AddHours(12);

        // The window reaches back to 2026-11-18 12:00: the 18th's 23:00 is in it, its 10:00 and the 10th are not.
        Assert.Equal(new StopRateCounts(5, 5), await store.CountAsync("weekly-deals", now.AddDays(-7), now, None));
        await store.RecordOptInAsync("weekly-deals", now, None);
        Assert.Equal(new StopRateCounts(6, 5), await store.CountAsync("weekly-deals", now.AddDays(-7), now, None));
        Assert.Equal(new StopRateCounts(0, 0), await store.CountAsync("order-updates", now.AddDays(-7), now, None));
    }

    private async Task WriteDayDocumentAsync(DateOnly day, (string Slot, int Count) optIns, (string Slot, int Count) stops)
    {
        var id = CosmosIds.Compose("stoprate-h", "weekly-deals", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var document = new StopRateDayDocument(id, "weekly-deals", day, new() { [optIns.Slot] = optIns.Count }, new() { [stops.Slot] = stops.Count });
        using var body = CosmosJson.Write(document);
        using var created = await _database.Pages.CreateItemStreamAsync(body, new PartitionKey(id));
        created.EnsureSuccessStatusCode();
    }

    private async Task<CosmosDatabase> CountedDatabaseAsync(CosmosOperationCounter counter)
    {
        var options = server.OptionsFor("counted" + Guid.NewGuid().ToString("N"));
        var clientOptions = CosmosTestServer.WithWorkarounds();
        clientOptions.CustomHandlers.Add(counter);
        var database = new CosmosDatabase(options, CosmosClientFactory.Create(options, clientOptions));
        await CosmosDatabaseInitializer.EnsureCreatedAsync(database, None);
        return database;
    }

    /// <summary>The size of each stop-rate document as stored (its JSON), read with a query: a test may scan, the store never does.</summary>
    private async Task<List<int>> StopRateDocumentSizesAsync()
    {
        var sizes = new List<int>();
        using var feed = _database.Pages.GetItemQueryStreamIterator(new QueryDefinition("SELECT * FROM c WHERE STARTSWITH(c.id, 'stoprate')"));
        while (feed.HasMoreResults)
        {
            using var page = await feed.ReadNextAsync();
            page.EnsureSuccessStatusCode();
            using var json = await JsonDocument.ParseAsync(page.Content);
            sizes.AddRange(json.RootElement.GetProperty("Documents").EnumerateArray().Select(d => System.Text.Encoding.UTF8.GetByteCount(d.GetRawText())));
        }

        return sizes;
    }
}
