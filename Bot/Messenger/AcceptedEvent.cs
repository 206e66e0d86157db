namespace ConversationBot.Bot.Messenger;

/// <summary>
/// One event of a webhook POST as stored before its 200: its key, whose it is (each sender's events
/// run in order), the event as it came, and, for one that can never run, why it is set aside instead.
/// </summary>
public sealed record AcceptedEvent(string Key, string Sender, string Raw, string? SetAsideReason = null);
