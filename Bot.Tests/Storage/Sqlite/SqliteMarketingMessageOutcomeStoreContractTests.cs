using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

public sealed class SqliteMarketingMessageOutcomeStoreContractTests : MarketingMessageOutcomeStoreContractTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private readonly SqliteDatabase _database;

    public SqliteMarketingMessageOutcomeStoreContractTests() => _database = _file.Open();

    public void Dispose()
    {
        _database.Dispose();
        _file.Dispose();
    }

    protected override IMarketingMessageOutcomeStore CreateStore() => new SqliteMarketingMessageOutcomeStore(_database);
}
