namespace ConversationBot.Dialogs.Handoff;

/// <summary>Open hand-offs, by conversation. Released hand-offs are removed.</summary>
public interface IHandoffStore
{
    Task<Handoff?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Opens (or renews) the hand-off of a conversation.</summary>
    Task SaveAsync(Handoff handoff, CancellationToken cancellationToken);

    /// <returns>True when an open hand-off was released; false when there was none.</returns>
    Task<bool> ReleaseAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Handoff>> ListAsync(CancellationToken cancellationToken);
}
