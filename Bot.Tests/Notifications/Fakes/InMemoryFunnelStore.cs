using ConversationBot.Notifications.Funnel;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>The reference of the port: counts per (entry, UTC day), summed over a range of days; attributions by (channel, customer, topic).</summary>
public sealed class InMemoryFunnelStore : IFunnelStore
{
    private readonly Dictionary<(string Entry, DateOnly Day), FunnelCounts> _days = [];
    private readonly Dictionary<(string ChannelId, string CustomerId, string TopicId), FunnelAttribution> _attributions = [];
    private readonly Lock _lock = new();

    public Task IncrementAsync(string entry, FunnelStage stage, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = (entry, DateOnly.FromDateTime(at.UtcDateTime));
        lock (_lock)
        {
            _days[key] = (_days.GetValueOrDefault(key) ?? FunnelCounts.Zero(entry)).Add(stage, 1);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FunnelCounts>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<FunnelCounts> rows = [.. _days.Where(d => d.Key.Day >= firstDay && d.Key.Day <= lastDay)
                .GroupBy(d => d.Key.Entry, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Select(d => d.Value).Aggregate(FunnelCounts.Zero(g.Key), (sum, day) => sum.Plus(day)))];
            return Task.FromResult(rows);
        }
    }

    public Task<FunnelAttribution?> FindAsync(string channelId, string customerId, string? topicId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_attributions.GetValueOrDefault((channelId, customerId, topicId ?? string.Empty)));
        }
    }

    public Task SaveAsync(string channelId, string customerId, string? topicId, FunnelAttribution attribution, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _attributions[(channelId, customerId, topicId ?? string.Empty)] = attribution;
        }

        return Task.CompletedTask;
    }
}
