namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>Shares one <see cref="CosmosTestServer"/> across every class that joins.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosTestServerCollection : ICollectionFixture<CosmosTestServer>
{
    public const string Name = "Cosmos DB test server";
}
