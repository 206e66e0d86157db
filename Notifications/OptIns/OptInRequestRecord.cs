namespace ConversationBot.Notifications.OptIns;

/// <summary>An opt-in request we sent (or the platform says we did: 613/1893016), with the title it carried.</summary>
public sealed record OptInRequestRecord(string TopicId, string Title, DateTimeOffset At);
