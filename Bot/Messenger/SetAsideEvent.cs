namespace ConversationBot.Bot.Messenger;

/// <summary>A webhook event that was set aside instead of run: when, why, and the event as it came.</summary>
public sealed record SetAsideEvent(string EventKey, DateTimeOffset At, string Reason, string RawEvent);
