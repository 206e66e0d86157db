using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Storage.Sqlite;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

public sealed class SqliteMessengerEventLogContractTests : MessengerEventLogContractTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private readonly SqliteDatabase _database;

    public SqliteMessengerEventLogContractTests() => _database = _file.Open();


    public void Dispose()
    {
        _database.Dispose();
        _file.Dispose();
    }

    protected override IMessengerEventLog CreateLog() => new SqliteMessengerEventLog(_database, Clock, Options);
}
