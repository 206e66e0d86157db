using System.Collections.Concurrent;
using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Tests.Fakes;

/// <summary>Hand-off transcripts for conversation tests that do not need a database.</summary>
public sealed class InMemoryHandoffTranscriptStore : IHandoffTranscriptStore
{
    private readonly ConcurrentDictionary<(string, string, DateTimeOffset), List<TranscriptEntry>> _transcripts = new();

    public Task AppendAsync(Handoff handoff, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        var lines = _transcripts.GetOrAdd((handoff.ChannelId, handoff.ConversationId, handoff.RequestedAt), _ => []);
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
}
