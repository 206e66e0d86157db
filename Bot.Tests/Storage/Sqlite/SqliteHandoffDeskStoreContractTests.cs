using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

public sealed class SqliteHandoffDeskStoreContractTests : HandoffDeskStoreContractTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private readonly SqliteDatabase _database;

    public SqliteHandoffDeskStoreContractTests() => _database = _file.Open();

    public void Dispose()
    {
        _database.Dispose();
        _file.Dispose();
    }

    protected override IHandoffStore CreateHandoffs() => new SqliteHandoffStore(_database);

    protected override IHandoffTranscriptStore CreateTranscripts() => new SqliteTranscriptStore(_database, Options);
}
