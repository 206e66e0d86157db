using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Storage.Cosmos;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

[Collection(CosmosTestServerCollection.Name)]
public sealed class CosmosMessengerEventLogContractTests(CosmosTestServer server) : MessengerEventLogContractTests, IAsyncLifetime
{
    private CosmosDatabase _database = null!;


    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    protected override IMessengerEventLog CreateLog() => new CosmosMessengerEventLog(_database, Clock, Options);
}
