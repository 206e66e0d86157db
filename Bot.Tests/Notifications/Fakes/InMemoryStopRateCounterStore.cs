using ConversationBot.Notifications.StopRate;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

public sealed class InMemoryStopRateCounterStore : IStopRateCounterStore
{
    private readonly List<(string TopicId, bool IsStop, DateTimeOffset At)> _events = [];

    public Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _events.Add((topicId, false, at));
        return Task.CompletedTask;
    }

    public Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _events.Add((topicId, true, at));
        return Task.CompletedTask;
    }

    public Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var inWindow = _events.Where(e => e.TopicId == topicId && e.At >= since && e.At <= until).ToList();
        return Task.FromResult(new StopRateCounts(inWindow.Count(e => !e.IsStop), inWindow.Count(e => e.IsStop)));
    }
}
