namespace ConversationBot.Bot.Storage.Cosmos.Documents;

/// <summary>A topic's count of active subscribers in <c>pages</c>: a few dozen bytes, patched by increment (CosmosTopicSubscriberCounts).</summary>
public sealed record TopicSubscribersDocument(string Id, string TopicId, long Active)
{
    public const string ActiveField = "active";
}
