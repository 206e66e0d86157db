namespace ConversationBot.Dialogs.Handoff;

/// <summary>
/// A conversation a person has taken over from the bot. While it is open and not past
/// <see cref="ExpiresAt"/>, the bot stays silent in that conversation.
/// </summary>
public sealed record Handoff(string ChannelId, string ConversationId, string CustomerId, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt)
{
    public bool IsActiveAt(DateTimeOffset now) => now < ExpiresAt;
}
