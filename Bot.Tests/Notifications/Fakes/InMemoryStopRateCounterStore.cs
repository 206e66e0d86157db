using ConversationBot.Notifications.StopRate;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>The reference of the port: counts per (topic, UTC hour), summed over the hours a window overlaps, as the stores do.</summary>
public sealed class InMemoryStopRateCounterStore : IStopRateCounterStore
{
    private readonly Dictionary<(string TopicId, DateTimeOffset Hour), StopRateCounts> _hours = [];
    private readonly Lock _lock = new();

    public Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => AddAsync(topicId, at, new StopRateCounts(1, 0));

    public Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => AddAsync(topicId, at, new StopRateCounts(0, 1));

    public Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (until < since)
        {
            return Task.FromResult(new StopRateCounts(0, 0));
        }

        var (first, last) = StopRateHour.Covering(since, until);
        lock (_lock)
        {
            var inWindow = _hours.Where(h => h.Key.TopicId == topicId && h.Key.Hour >= first && h.Key.Hour <= last).Select(h => h.Value).ToList();
            return Task.FromResult(new StopRateCounts(inWindow.Sum(c => c.OptIns), inWindow.Sum(c => c.Stops)));
        }
    }

    private Task AddAsync(string topicId, DateTimeOffset at, StopRateCounts add)
    {
        var key = (topicId, StopRateHour.Of(at));
        lock (_lock)
        {
            var counts = _hours.GetValueOrDefault(key);
            _hours[key] = new StopRateCounts(counts.OptIns + add.OptIns, counts.Stops + add.Stops);
        }

        return Task.CompletedTask;
    }
}
