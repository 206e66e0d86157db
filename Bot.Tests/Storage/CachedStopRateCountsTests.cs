using ConversationBot.Bot.Storage;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.StopRate;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>
/// The stop-rate counts remembered for a minute on Cosmos DB (Bot/Storage/CachedStopRateCounts.cs): the
/// store is asked once a minute per topic and window, this instance's own opt-ins and stops show at once,
/// and another instance's within the minute.
/// </summary>
public sealed class CachedStopRateCountsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
    private readonly CountingStore _store = new();

    [Fact]
    public async Task The_store_is_asked_once_a_minute_and_another_instances_stop_shows_after_it()
    {
        var cached = new CachedStopRateCounts(_store, _clock);
        await _store.RecordOptInAsync("weekly-deals", _clock.GetUtcNow(), None);

        Assert.Equal(new StopRateCounts(1, 0), await CountAsync(cached));
        await _store.RecordStopAsync("weekly-deals", _clock.GetUtcNow(), None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(new StopRateCounts(1, 0), await CountAsync(cached));
        Assert.Equal(1, _store.Counted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new StopRateCounts(1, 1), await CountAsync(cached));
        Assert.Equal(2, _store.Counted);
    }

    [Fact]
    public async Task This_instances_own_stop_shows_at_once_and_other_topics_keep_what_they_remembered()
    {
        var cached = new CachedStopRateCounts(_store, _clock);
        await CountAsync(cached);
        await CountAsync(cached, "order-updates");

        await cached.RecordStopAsync("weekly-deals", _clock.GetUtcNow(), None);

        Assert.Equal(new StopRateCounts(0, 1), await CountAsync(cached));
        await CountAsync(cached, "order-updates");
        Assert.Equal(3, _store.Counted);
    }

    private Task<StopRateCounts> CountAsync(CachedStopRateCounts cached, string topic = "weekly-deals") =>
        cached.CountAsync(topic, _clock.GetUtcNow().AddDays(-7), _clock.GetUtcNow(), None);

    private sealed class CountingStore : IStopRateCounterStore
    {
        private readonly InMemoryStopRateCounterStore _inner = new();

        public int Counted { get; private set; }

        public Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => _inner.RecordOptInAsync(topicId, at, cancellationToken);

        public Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => _inner.RecordStopAsync(topicId, at, cancellationToken);

        public Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
        {
            Counted++;
            return _inner.CountAsync(topicId, since, until, cancellationToken);
        }
    }
}
