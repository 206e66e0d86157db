using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Notifications.Products.Unsubscribes;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

public sealed class SqliteMetaUnsubscribeOutboxContractTests : MetaUnsubscribeOutboxContractTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private readonly SqliteDatabase _database;

    public SqliteMetaUnsubscribeOutboxContractTests() => _database = _file.Open();

    public void Dispose()
    {
        _database.Dispose();
        _file.Dispose();
    }

    protected override IMetaUnsubscribeOutbox CreateOutbox() => new SqliteMetaUnsubscribeOutbox(_database);
}
