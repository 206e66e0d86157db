using System.Collections.Concurrent;
using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// The last <see cref="PerConversation"/> lines of each conversation that was active lately, in this
/// process's memory only: the context a hand-off's transcript starts with, so the agent sees what the
/// customer asked the bot before asking for a person. Kept here rather than in a store because almost
/// no conversation is ever handed off: writing every line of every conversation to SQLite or Cosmos DB
/// (or into the conversation's state, which every turn reads and writes) would cost on every turn for
/// a context read on a handful. The price: after a restart, or when a customer's earlier turns ran on
/// another instance, the context is shorter or missing (docs/handoff.md). Lines leave after
/// <see cref="IdleFor"/> without a turn, or when the hand-off takes them; never written to a log.
/// </summary>
public sealed class RecentLines(TimeProvider time)
{
    public const int PerConversation = 10;

    /// <summary>At most this many conversations are held: about 20 MB at 10 lines of 200 characters.</summary>
    public const int MaxConversations = 10_000;

    public static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(string Channel, string Conversation), Recent> _recent = new();

    /// <summary>Adds a turn's lines; the oldest beyond <see cref="PerConversation"/> fall off.</summary>
    public void Add(string channelId, string conversationId, IReadOnlyList<TranscriptEntry> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var recent = _recent.GetOrAdd((channelId, conversationId), _ => new Recent());
        lock (recent)
        {
            foreach (var line in lines)
            {
                recent.Lines.Enqueue(line.Bounded());
                while (recent.Lines.Count > PerConversation)
                {
                    recent.Lines.Dequeue();
                }
            }

            recent.TouchedAt = now;
        }

        if (_recent.Count > MaxConversations)
        {
            Prune(now);
        }
    }

    /// <summary>The conversation's recent lines, oldest first, removed from memory; none when it was idle too long.</summary>
    public IReadOnlyList<TranscriptEntry> Take(string channelId, string conversationId)
    {
        if (!_recent.TryRemove((channelId, conversationId), out var recent))
        {
            return [];
        }

        lock (recent)
        {
            return time.GetUtcNow() - recent.TouchedAt > IdleFor ? [] : [.. recent.Lines];
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, recent) in _recent)
        {
            if (now - recent.TouchedAt > IdleFor)
            {
                _recent.TryRemove(key, out _);
            }
        }

        // Still too many active at once: the least recently active go first.
        var excess = _recent.Count - MaxConversations;
        if (excess > 0)
        {
            foreach (var key in _recent.OrderBy(pair => pair.Value.TouchedAt).Take(excess).Select(pair => pair.Key).ToList())
            {
                _recent.TryRemove(key, out _);
            }
        }
    }

    private sealed class Recent
    {
        public Queue<TranscriptEntry> Lines { get; } = new();

        public DateTimeOffset TouchedAt { get; set; }
    }
}
