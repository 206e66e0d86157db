namespace ConversationBot.Bot.Storage.Cosmos.Documents;

public sealed record CustomerIndexEntry(string SubscriptionId, string TopicId);
