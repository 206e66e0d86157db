namespace ConversationBot.Bot.Storage.Cosmos.Documents;

/// <summary>In <c>lookups</c>: which topic partition holds a subscription id. Never changes once written.</summary>
public sealed record SubscriptionLocatorDocument(string Id, string SubscriptionId, string TopicId)
{
    public static string IdFor(string subscriptionId) => CosmosIds.Compose("subscription", subscriptionId);
}
