using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Activity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// The console's topic counts on Cosmos DB are written once per interval per (topic, day), not once per event
/// (Bot/Storage/Cosmos/BufferedTopicActivityStore.cs): nothing is lost while the instance lives, its console
/// shows what it has not written yet, and stopping writes the rest.
/// </summary>
public sealed class BufferedTopicActivityStoreTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingStore _stored = new();
    private readonly BufferedTopicActivityStore _buffered;

    public BufferedTopicActivityStoreTests()
    {
        _buffered = new BufferedTopicActivityStore(
            _stored, _clock, Options.Create(new CosmosOptions { TopicCountsFlushInterval = Interval }), NullLogger<BufferedTopicActivityStore>.Instance);
    }

    public void Dispose() => _buffered.Dispose();

    [Fact]
    public async Task Events_are_written_as_one_sum_per_topic_and_day_when_flushed()
    {
        for (var i = 0; i < 5; i++)
        {
            await _buffered.AddAsync("order-updates", Day, TopicDayCounts.Offer, None);
        }

        await _buffered.AddAsync("order-updates", Day, TopicDayCounts.Acceptance, None);
        await _buffered.AddAsync("order-updates", Day.AddDays(1), TopicDayCounts.Offer, None);
        await _buffered.AddAsync("back-in-stock", Day, TopicDayCounts.Decline, None);
        Assert.Equal(0, _stored.Writes);

        await _buffered.FlushAsync(None);

        Assert.Equal(3, _stored.Writes);
        Assert.Equal(new TopicDayCounts(5, 1, 0, 0, 0, 0, 0), await StoredAsync("order-updates", Day));
        Assert.Equal(TopicDayCounts.Offer, await StoredAsync("order-updates", Day.AddDays(1)));
        Assert.Equal(TopicDayCounts.Decline, await StoredAsync("back-in-stock", Day));

        await _buffered.FlushAsync(None);
        Assert.Equal(3, _stored.Writes);
    }

    [Fact]
    public async Task The_instances_console_counts_what_it_has_not_written_yet_and_nothing_twice()
    {
        await _stored.AddAsync("order-updates", Day, new TopicDayCounts(10, 2, 0, 0, 0, 0, 0), None);
        await _buffered.AddAsync("order-updates", Day, TopicDayCounts.Offer, None);
        await _buffered.AddAsync("back-in-stock", Day, TopicDayCounts.Stop, None);
        await _buffered.AddAsync("back-in-stock", Day.AddDays(-3), TopicDayCounts.Stop, None);

        var before = await _buffered.ReadAsync(Day, Day, None);
        await _buffered.FlushAsync(None);
        var after = await _buffered.ReadAsync(Day, Day, None);

        TopicDay[] expected = [new("back-in-stock", Day, TopicDayCounts.Stop), new("order-updates", Day, new TopicDayCounts(11, 2, 0, 0, 0, 0, 0))];
        Assert.Equal(expected, before);
        Assert.Equal(expected, after);
    }

    [Fact]
    public async Task A_flush_that_fails_keeps_the_counts_and_the_next_one_writes_them_once()
    {
        await _buffered.AddAsync("order-updates", Day, TopicDayCounts.Offer, None);
        await _buffered.AddAsync("back-in-stock", Day, TopicDayCounts.Offer, None);
        _stored.FailNext = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _buffered.FlushAsync(None));
        await _buffered.AddAsync("back-in-stock", Day, TopicDayCounts.Offer, None);
        await _buffered.FlushAsync(None);

        Assert.Equal(TopicDayCounts.Offer, await StoredAsync("order-updates", Day));
        Assert.Equal(new TopicDayCounts(2, 0, 0, 0, 0, 0, 0), await StoredAsync("back-in-stock", Day));
        Assert.Equal(new TopicDayCounts(2, 0, 0, 0, 0, 0, 0), (await _buffered.ReadAsync(Day, Day, None)).Single(d => d.TopicId == "back-in-stock").Counts);
    }

    [Fact]
    public async Task The_running_host_writes_once_an_interval_and_stopping_writes_the_rest()
    {
        var clock = new TimerAwareClock(_clock.GetUtcNow());
        using var running = new BufferedTopicActivityStore(
            _stored, clock, Options.Create(new CosmosOptions { TopicCountsFlushInterval = Interval }), NullLogger<BufferedTopicActivityStore>.Instance);
        await running.StartAsync(None);
        await running.AddAsync("order-updates", Day, TopicDayCounts.Offer, None);
        Assert.Equal(clock.GetUtcNow() + Interval, await NextTimerAsync(clock));
        await running.AddAsync("order-updates", Day, TopicDayCounts.Acceptance, None);
        clock.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.Equal(0, _stored.Writes);
        clock.Advance(TimeSpan.FromSeconds(1));
        await _stored.WaitForWritesAsync(1);

        await running.AddAsync("order-updates", Day, TopicDayCounts.Decline, None);
        await running.StopAsync(None);

        Assert.Equal(2, _stored.Writes);
        Assert.Equal(new TopicDayCounts(1, 1, 1, 0, 0, 0, 0), await StoredAsync("order-updates", Day));
    }

    /// <summary>When the flush loop's wait is due, once it waits (the loop runs beside the test).</summary>
    private static async Task<DateTimeOffset> NextTimerAsync(TimerAwareClock clock)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        DateTimeOffset? due;
        while ((due = clock.NextDue()) is null)
        {
            await Task.Delay(10, patience.Token);
        }

        return due.Value;
    }

    private async Task<TopicDayCounts> StoredAsync(string topicId, DateOnly day) =>
        (await _stored.ReadAsync(day, day, None)).Single(d => d.TopicId == topicId).Counts;

    /// <summary>The day documents: counts each write and can refuse the next one.</summary>
    private sealed class CountingStore : ITopicActivityStore
    {
        private readonly InMemoryTopicActivityStore _days = new();
        private int _writes;

        public bool FailNext { get; set; }

        public int Writes => Volatile.Read(ref _writes);

        public Task AddAsync(string topicId, DateOnly day, TopicDayCounts counts, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("the store refused the write");
            }

            Interlocked.Increment(ref _writes);
            return _days.AddAsync(topicId, day, counts, cancellationToken);
        }

        public Task<IReadOnlyList<TopicDay>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
            _days.ReadAsync(firstDay, lastDay, cancellationToken);

        public async Task WaitForWritesAsync(int writes)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (Writes < writes)
            {
                await Task.Delay(10, patience.Token);
            }
        }
    }
}
