namespace ConversationBot.Notifications.Topics;

/// <summary>What the customer reads about a topic in one language.</summary>
public sealed record TopicText(string Title, string Description);
