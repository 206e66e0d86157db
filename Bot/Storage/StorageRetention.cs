namespace ConversationBot.Bot.Storage;

/// <summary>
/// How long data nobody needs any more is kept, the same on both back ends: Cosmos DB expires it by
/// time to live (<c>Cosmos/CosmosContainers.cs</c>), SQLite by <c>Sqlite/SqliteRetentionCleanup.cs</c>.
/// Conversation state has a setting of its own (<see cref="StorageOptions.ConversationStateIdleTime"/>);
/// subscriptions and consent evidence are never expired by age (they end by the customer's stop).
/// </summary>
public static class StorageRetention
{
    /// <summary>Messenger webhook events: far longer than Meta retries a delivery (a day at most).</summary>
    public static readonly TimeSpan MessengerEvents = TimeSpan.FromDays(7);

    /// <summary>Delivery records: a year of "who got which campaign, and why not" with a month to spare for yearly reviews.</summary>
    public static readonly TimeSpan Deliveries = TimeSpan.FromDays(400);
}
