using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosHandoffDeskStoreContractTests(CosmosTestServer server) : HandoffDeskStoreContractTests, IAsyncLifetime
{
    private CosmosDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_transcript_and_its_customers_index_expire_by_their_own_ttl_of_the_retention()
    {
        var store = new CosmosTranscriptStore(_database, new HandoffOptions { TranscriptRetention = TimeSpan.FromDays(30) });
        var handoff = new Handoff("messenger", "psid-ttl", "psid-ttl", At, At.AddDays(1));

        await store.AppendAsync(handoff, [new(At, TranscriptAuthor.Customer, "hello")], CancellationToken.None);

        foreach (var id in new[] { CosmosIds.Compose("transcript", "messenger", "psid-ttl", At.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)), CosmosIds.Compose("transcripts", "messenger", "psid-ttl") })
        {
            using var read = await _database.State.ReadItemStreamAsync(id, new Microsoft.Azure.Cosmos.PartitionKey(id));
            read.EnsureSuccessStatusCode();
            using var document = await System.Text.Json.JsonDocument.ParseAsync(read.Content);
            Assert.Equal(30 * 24 * 3600, document.RootElement.GetProperty("ttl").GetInt32());
        }
    }

    protected override IHandoffStore CreateHandoffs() => new CosmosHandoffStore(_database);

    protected override IHandoffTranscriptStore CreateTranscripts() => new CosmosTranscriptStore(_database, Options);
}
