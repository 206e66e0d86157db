using ConversationBot.Notifications.Funnel;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>The notification store contract against the Cosmos DB stores, each test on a database of its own.</summary>
[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosNotificationStoreContractTests(CosmosTestServer server) : NotificationStoreContractTests, IAsyncLifetime
{
    private CosmosDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    protected override ISubscriptionStore CreateSubscriptionStore() => new CosmosSubscriptionStore(_database, new CosmosSubscriptionIndex(_database));

    protected override IOfferHistoryStore CreateOfferHistoryStore() => new CosmosOfferHistoryStore(_database);

    protected override IMessagingWindowStore CreateMessagingWindowStore() => new CosmosMessagingWindowStore(_database);

    protected override IPageStatusStore CreatePageStatusStore() => new CosmosPageStatusStore(_database);

    /// <remarks>The contract asks for windows of up to nine days; the ring holds as many hours as the guard's window and one more.</remarks>
    protected override IStopRateCounterStore CreateStopRateCounterStore() => new CosmosStopRateCounterStore(_database, new StopRateOptions { Window = TimeSpan.FromDays(10) });

    protected override IFunnelStore CreateFunnelStore() => new CosmosFunnelStore(_database);

    protected override ConversationBot.Notifications.Activity.ITopicActivityStore CreateTopicActivityStore() => new CosmosTopicActivityStore(_database);
}
