namespace ConversationBot.Bot.Messenger;

/// <summary>
/// An event received and not finished: waiting to run, or claimed by a host at <see cref="Since"/>
/// (<see cref="Claimed"/>). A claim older than the turn lease belongs to a host that stopped.
/// </summary>
public sealed record UnfinishedEvent(string Key, string Sender, string Raw, bool Claimed, DateTimeOffset Since);
