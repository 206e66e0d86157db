using System.Text.Json;
using ConversationBot.Bot.Storage.Cosmos;
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
        var store = new CosmosStopRateCounterStore(_database);
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
