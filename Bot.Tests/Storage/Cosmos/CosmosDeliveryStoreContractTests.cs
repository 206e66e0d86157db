using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>The campaign and delivery contract against the Cosmos DB stores, each test on a database of its own.</summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosDeliveryStoreContractTests(CosmosTestServer server) : DeliveryStoreContractTests, IAsyncLifetime
{
    private CosmosDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    protected override ICampaignStore CreateCampaignStore() => new CosmosCampaignStore(_database);

    protected override IDeliveryStore CreateDeliveryStore() => new CosmosDeliveryStore(_database);

    protected override ISubscriptionStore CreateSubscriptionStore() => new CosmosSubscriptionStore(_database, new CosmosSubscriptionIndex(_database));

    protected override ICampaignWorkStore CreateWorkStore() => new CosmosCampaignWorkStore(_database);
}
