namespace ConversationBot.Dialogs.Handoff;

/// <summary>
/// The transcript of each hand-off, kept with the other stores (SQLite, Cosmos DB) for
/// <c>Handoff:TranscriptRetention</c> after its last line, found by the hand-off (channel, conversation,
/// when it was asked for) and, for erasure, by the customer. Never logged.
/// </summary>
public interface IHandoffTranscriptStore
{
    /// <summary>Adds lines, in the given order, after the ones the transcript has.</summary>
    Task AppendAsync(Handoff handoff, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>Every line, oldest first; empty when there is none (never written, expired or erased).</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(Handoff handoff, CancellationToken cancellationToken);

    /// <summary>
    /// The most recent transcripts kept (at most <paramref name="limit"/>), the latest hand-off first, for
    /// the console's list of past conversations; an erased customer's are gone from it.
    /// </summary>
    Task<IReadOnlyList<TranscriptSummary>> ListRecentAsync(int limit, CancellationToken cancellationToken);
}
