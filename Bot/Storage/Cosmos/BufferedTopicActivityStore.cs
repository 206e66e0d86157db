using ConversationBot.Bot.Hosting;
using ConversationBot.Notifications.Activity;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// The console's topic counts in Cosmos DB, gathered in memory and added to their day documents once every
/// <see cref="CosmosOptions.TopicCountsFlushInterval"/>: one patch per (topic, day) with activity per interval,
/// instead of one per offer shown, acceptance, decline, stop and campaign page. The offer's patch was the steady
/// turn's biggest item after the state (9.9 RU in one turn of four; docs/cost.md, "Per unit of work").
/// <para>
/// The counts are figures for the operator's overview, never a rule's input: consent is decided from the
/// subscriptions and the offer history, and the stop-rate guard has its own counts (<c>CosmosStopRateCounterStore</c>),
/// both written at once. So the price is acceptable: an instance that dies without stopping loses what it
/// gathered since its last flush (at most one interval of its own events; Bot.Tests/EndToEnd/CosmosTopicCountsCrashTests.cs);
/// one that stops flushes first. A flush that fails keeps everything for the next one (a patch the service
/// applied but whose answer was lost is then counted twice). This instance's reads include what it has not
/// written yet, so its console is current; another instance's console catches up within an interval.
/// </para>
/// Registered for Cosmos DB only: SQLite writes a local file and counts each event at once.
/// </summary>
public sealed partial class BufferedTopicActivityStore(
    ITopicActivityStore inner,
    TimeProvider time,
    IOptions<CosmosOptions> options,
    ILogger<BufferedTopicActivityStore> logger) : BackgroundService, ITopicActivityStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string TopicId, DateOnly Day), TopicDayCounts> _pending = [];
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public Task AddAsync(string topicId, DateOnly day, TopicDayCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        if (!counts.IsEmpty)
        {
            lock (_gate)
            {
                _pending[(topicId, day)] = _pending.GetValueOrDefault((topicId, day)).Plus(counts);
            }
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<TopicDay>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var stored = await inner.ReadAsync(firstDay, lastDay, cancellationToken).ConfigureAwait(false);
        List<KeyValuePair<(string TopicId, DateOnly Day), TopicDayCounts>> pending;
        lock (_gate)
        {
            pending = [.. _pending.Where(p => p.Key.Day >= firstDay && p.Key.Day <= lastDay)];
        }

        if (pending.Count == 0)
        {
            return stored;
        }

        var merged = stored.ToDictionary(d => (d.TopicId, d.Day), d => d.Counts);
        foreach (var (key, counts) in pending)
        {
            merged[key] = merged.GetValueOrDefault(key).Plus(counts);
        }

        return [.. merged
            .Select(m => new TopicDay(m.Key.TopicId, m.Key.Day, m.Value))
            .OrderBy(d => d.TopicId, StringComparer.Ordinal)
            .ThenBy(d => d.Day)];
    }

    /// <summary>
    /// Adds what was gathered to the day documents, one patch per (topic, day). Each entry leaves memory only
    /// after its write succeeded, so a failure loses nothing (the next flush writes it) and events that arrive
    /// meanwhile stay for the next one.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<KeyValuePair<(string TopicId, DateOnly Day), TopicDayCounts>> gathered;
            lock (_gate)
            {
                gathered = [.. _pending];
            }

            foreach (var ((topicId, day), counts) in gathered)
            {
                await inner.AddAsync(topicId, day, counts, cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    var left = _pending[(topicId, day)].Minus(counts);
                    if (left.IsEmpty)
                    {
                        _pending.Remove((topicId, day));
                    }
                    else
                    {
                        _pending[(topicId, day)] = left;
                    }
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogLostOnStop(logger, ex);
        }
    }

    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing is gathered at start-up: the first flush is an interval away, then one every interval.
        var interval = options.Value.TopicCountsFlushInterval;
        try
        {
            await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await PeriodicWork.RunAsync(FlushAsync, interval, time, ex => LogFlushFailed(logger, ex), stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not add the topic counts gathered to Cosmos DB; trying again at the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not add the topic counts gathered to Cosmos DB while stopping; the console's figures miss them")]
    private static partial void LogLostOnStop(ILogger logger, Exception exception);
}
