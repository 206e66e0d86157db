using System.Collections.Concurrent;
using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Tests.Fakes;

/// <summary>Hand-off transcripts for conversation tests that do not need a database.</summary>
public sealed class InMemoryHandoffTranscriptStore : IHandoffTranscriptStore
{
    private readonly ConcurrentDictionary<(string, string, DateTimeOffset), List<TranscriptEntry>> _transcripts = new();
    private readonly ConcurrentDictionary<(string, string, DateTimeOffset), string> _customers = new();

    public Task AppendAsync(Handoff handoff, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        var lines = _transcripts.GetOrAdd((handoff.ChannelId, handoff.ConversationId, handoff.RequestedAt), _ => []);
        _customers[(handoff.ChannelId, handoff.ConversationId, handoff.RequestedAt)] = handoff.CustomerId;
        lock (lines)
        {
            lines.AddRange(entries.Select(e => e.Bounded()));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        if (!_transcripts.TryGetValue((handoff.ChannelId, handoff.ConversationId, handoff.RequestedAt), out var lines))
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>([]);
        }

        lock (lines)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>([.. lines]);
        }
    }

    public Task<IReadOnlyList<TranscriptSummary>> ListRecentAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TranscriptSummary>>([.. _customers
            .Select(c => new TranscriptSummary(c.Key.Item1, c.Key.Item2, c.Value, c.Key.Item3))
            .OrderByDescending(t => t.HandoffAt)
            .Take(limit)]);
}
