namespace ConversationBot.Dialogs.Handoff;

/// <summary>Open hand-offs, by conversation. Released hand-offs are removed.</summary>
public interface IHandoffStore
{
    Task<Handoff?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Opens (or renews) the hand-off of a conversation.</summary>
    Task SaveAsync(Handoff handoff, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="changed"/> only while the stored hand-off is still the one at
    /// <paramref name="changed"/>'s version less one (nobody changed or released it meanwhile): the optimistic
    /// write behind claiming, so of two agents claiming at once exactly one succeeds.
    /// </summary>
    /// <returns>True when stored; false when the stored one had moved on or is gone.</returns>
    Task<bool> TryReplaceAsync(Handoff changed, CancellationToken cancellationToken);

    /// <returns>True when an open hand-off was released; false when there was none.</returns>
    Task<bool> ReleaseAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Handoff>> ListAsync(CancellationToken cancellationToken);
}
