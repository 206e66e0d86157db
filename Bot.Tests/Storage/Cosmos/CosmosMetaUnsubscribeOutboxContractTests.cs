using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Notifications.Products.Unsubscribes;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosMetaUnsubscribeOutboxContractTests(CosmosTestServer server) : MetaUnsubscribeOutboxContractTests, IAsyncLifetime
{
    private CosmosDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    protected override IMetaUnsubscribeOutbox CreateOutbox() => new CosmosMetaUnsubscribeOutbox(_database);
}
