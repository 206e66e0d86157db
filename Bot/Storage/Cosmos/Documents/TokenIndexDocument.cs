namespace ConversationBot.Bot.Storage.Cosmos.Documents;

/// <summary>In <c>lookups</c>: the subscription a Messenger token belonged to when written. Readers check the subscription still holds it.</summary>
public sealed record TokenIndexDocument(string Id, string Token, string SubscriptionId, string TopicId)
{
    public static string IdFor(string token) => CosmosIds.Compose("token", token);
}
