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

    protected override IHandoffStore CreateHandoffs() => new CosmosHandoffStore(_database);

    protected override IHandoffTranscriptStore CreateTranscripts() => new CosmosTranscriptStore(_database, Options);
}
