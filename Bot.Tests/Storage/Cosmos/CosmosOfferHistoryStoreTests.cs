using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Notifications.OptIns;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// An offer is recorded on the version of the history read to decide it (Bot/Storage/Cosmos/CosmosOfferHistoryStore.cs),
/// so a turn costs one read and one write; what another instance wrote in between is kept, not overwritten.
/// Two stores on one database stand for two instances.
/// </summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosOfferHistoryStoreTests(CosmosTestServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private CosmosDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_offer_recorded_on_a_history_read_as_absent_keeps_what_another_instance_created_meanwhile()
    {
        var first = new CosmosOfferHistoryStore(_database);
        var second = new CosmosOfferHistoryStore(_database);
        Assert.Empty((await first.GetAsync("emulator", "u1", CancellationToken.None)).Requests);

        await second.RecordDeclineAsync("emulator", "u1", new OptInDeclineRecord("weekly-deals", At), CancellationToken.None);
        await first.RecordRequestAsync("emulator", "u1", new OptInRequestRecord("order-updates", "Updates on your orders", At.AddMinutes(1)), CancellationToken.None);

        var stored = await new CosmosOfferHistoryStore(_database).GetAsync("emulator", "u1", CancellationToken.None);
        Assert.Equal(["order-updates"], stored.Requests.Select(r => r.TopicId));
        Assert.Equal(["weekly-deals"], stored.Declines.Select(d => d.TopicId));
    }

    [Fact]
    public async Task An_offer_recorded_on_a_history_changed_since_it_was_read_keeps_both_changes()
    {
        var first = new CosmosOfferHistoryStore(_database);
        var second = new CosmosOfferHistoryStore(_database);
        await first.RecordRequestAsync("emulator", "u2", new OptInRequestRecord("weekly-deals", "Weekly deals", At), CancellationToken.None);
        Assert.Single((await first.GetAsync("emulator", "u2", CancellationToken.None)).Requests);

        await second.BlockOffersUntilAsync("emulator", "u2", At.AddDays(1), CancellationToken.None);
        await first.RecordRequestAsync("emulator", "u2", new OptInRequestRecord("order-updates", "Updates on your orders", At.AddDays(2)), CancellationToken.None);

        var stored = await second.GetAsync("emulator", "u2", CancellationToken.None);
        Assert.Equal(["weekly-deals", "order-updates"], stored.Requests.Select(r => r.TopicId));
        Assert.Equal(At.AddDays(1), stored.OffersBlockedUntil);
    }
}
