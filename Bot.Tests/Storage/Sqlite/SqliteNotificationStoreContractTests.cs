using ConversationBot.Notifications.Funnel;
using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

/// <summary>The notification store contract against the SQLite stores, all on one database as in the host.</summary>
public sealed class SqliteNotificationStoreContractTests : NotificationStoreContractTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private readonly SqliteDatabase _database;

    public SqliteNotificationStoreContractTests() => _database = _file.Open();

    public void Dispose()
    {
        _database.Dispose();
        _file.Dispose();
    }

    protected override ISubscriptionStore CreateSubscriptionStore() => new SqliteSubscriptionStore(_database);

    protected override IOfferHistoryStore CreateOfferHistoryStore() => new SqliteOfferHistoryStore(_database);

    protected override IMessagingWindowStore CreateMessagingWindowStore() => new SqliteMessagingWindowStore(_database);

    protected override IPageStatusStore CreatePageStatusStore() => new SqlitePageStatusStore(_database);

    protected override IStopRateCounterStore CreateStopRateCounterStore() => new SqliteStopRateCounterStore(_database);

    protected override IFunnelStore CreateFunnelStore() => new SqliteFunnelStore(_database);

    protected override ConversationBot.Notifications.Activity.ITopicActivityStore CreateTopicActivityStore() => new SqliteTopicActivityStore(_database);
}
