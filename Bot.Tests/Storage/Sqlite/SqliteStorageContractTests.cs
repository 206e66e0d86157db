using ConversationBot.Bot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Storage.Sqlite;

public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<IStorage> CreateStorageAsync() => Task.FromResult<IStorage>(new SqliteStorage(_database.Open(), new FakeTimeProvider()));

    public void Dispose() => _database.Dispose();
}
