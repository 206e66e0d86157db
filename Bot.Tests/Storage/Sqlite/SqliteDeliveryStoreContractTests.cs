using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

/// <summary>The campaign and delivery contract against the SQLite stores, on one database as in the host.</summary>
public sealed class SqliteDeliveryStoreContractTests : DeliveryStoreContractTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private readonly SqliteDatabase _database;

    public SqliteDeliveryStoreContractTests() => _database = _file.Open();

    public void Dispose()
    {
        _database.Dispose();
        _file.Dispose();
    }

    protected override ICampaignStore CreateCampaignStore() => new SqliteCampaignStore(_database);

    protected override IDeliveryStore CreateDeliveryStore() => new SqliteDeliveryStore(_database);

    protected override ISubscriptionStore CreateSubscriptionStore() => new SqliteSubscriptionStore(_database);

    protected override ICampaignWorkStore CreateWorkStore() => new SqliteCampaignWorkStore(_database);
}
