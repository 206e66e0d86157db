namespace ConversationBot.Notifications.OptIns;

/// <summary>The customer said "Not now" to a topic.</summary>
public sealed record OptInDeclineRecord(string TopicId, DateTimeOffset At);
