using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Desk;

/// <summary>
/// A row of the desk's queue: the hand-off, the customer's last words (the last thing they wrote, before
/// or after asking for a person), and whether nobody has claimed it for longer than <c>Handoff:UnansweredAfter</c>.
/// </summary>
public sealed record QueuedHandoff(Handoff Handoff, string? LastWords, DateTimeOffset? LastWordsAt, bool Unanswered);
