namespace ConversationBot.Notifications.Activity;

/// <summary>One topic's counts on one UTC day.</summary>
public sealed record TopicDay(string TopicId, DateOnly Day, TopicDayCounts Counts);
