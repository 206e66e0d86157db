using ConversationBot.Bot.Storage.Sqlite;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<IStorage> CreateStorageAsync() => Task.FromResult<IStorage>(new SqliteStorage(_database.Open()));

    public void Dispose() => _database.Dispose();
}
