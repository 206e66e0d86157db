using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>The outcome contract on the Cosmos DB test server, each test on a database of its own.</summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosMarketingMessageOutcomeStoreContractTests(CosmosTestServer server) : MarketingMessageOutcomeStoreContractTests, IAsyncLifetime
{
    private CosmosDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    protected override IMarketingMessageOutcomeStore CreateStore() => new CosmosMarketingMessageOutcomeStore(_database);
}
