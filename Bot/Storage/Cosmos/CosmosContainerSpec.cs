namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>A Cosmos DB container the bot uses: its name, partition key path and default time to live (<c>null</c>: off).</summary>
public sealed record CosmosContainerSpec(string Name, string PartitionKeyPath, int? DefaultTimeToLiveSeconds = null);
