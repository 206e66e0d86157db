using System.Collections.Concurrent;
using ConversationBot.Notifications.StopRate;

namespace ConversationBot.Bot.Storage;

/// <summary>
/// The stop-rate guard's counts, remembered for <see cref="Freshness"/> per topic and window (the
/// window is whole UTC hours, <see cref="StopRateHour.Covering"/>, so every decision within an hour
/// asks for the same one). The guard weighs seven days of opt-ins and stops against a threshold: a
/// count a minute old decides the same, while asking the store costs a point read of the topic's ring
/// on every offer decision and one per topic for "my notifications" (docs/cost.md). This instance's own
/// opt-ins and stops drop what it remembers of their topic at once. Used where reads cost money
/// (Cosmos DB); the SQLite store is asked every time.
/// </summary>
public sealed class CachedStopRateCounts(IStopRateCounterStore inner, TimeProvider clock) : IStopRateCounterStore
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string TopicId, DateTimeOffset First, DateTimeOffset Last), (StopRateCounts Counts, DateTimeOffset Until)> _remembered = new();

    public async Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await inner.RecordOptInAsync(topicId, at, cancellationToken).ConfigureAwait(false);
        Forget(topicId);
    }

    public async Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await inner.RecordStopAsync(topicId, at, cancellationToken).ConfigureAwait(false);
        Forget(topicId);
    }

    public async Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        if (until < since)
        {
            return new StopRateCounts(0, 0);
        }

        var (first, last) = StopRateHour.Covering(since, until);
        var key = (topicId, first, last);
        var now = clock.GetUtcNow();
        if (_remembered.TryGetValue(key, out var remembered) && now < remembered.Until)
        {
            return remembered.Counts;
        }

        var counts = await inner.CountAsync(topicId, since, until, cancellationToken).ConfigureAwait(false);
        _remembered[key] = (counts, now + Freshness);

        // Windows of hours gone by are asked no more: keep the dictionary at about one entry per topic.
        foreach (var stale in _remembered.Keys.Where(k => k.TopicId == topicId && k.Last < last))
        {
            _remembered.TryRemove(stale, out _);
        }

        return counts;
    }

    private void Forget(string topicId)
    {
        foreach (var key in _remembered.Keys.Where(k => k.TopicId == topicId))
        {
            _remembered.TryRemove(key, out _);
        }
    }
}
