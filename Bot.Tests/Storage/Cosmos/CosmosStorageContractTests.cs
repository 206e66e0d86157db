using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosStorageContractTests(CosmosTestServer server) : StorageContractTests, IDisposable
{
    private CosmosDatabase? _database;

    protected override async Task<IStorage> CreateStorageAsync()
    {
        _database = await server.CreateDatabaseAsync();
        return new CosmosStorage(_database, Options.Create(new StorageOptions()));
    }

    public void Dispose() => _database?.Dispose();
}
