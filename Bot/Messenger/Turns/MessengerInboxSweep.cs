using Microsoft.Extensions.Options;
using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Messenger.Turns;

/// <summary>
/// Takes over what a stopped host left in the event log: at start-up and once every turn lease, the
/// unfinished events of each sender none of whose events a host has touched within the lease (a
/// received event not run, a claim not renewed) join this host's lines, in the order received. A
/// sender with a live claim is left alone, so their events never run out of order or twice at once.
/// On shutdown it stops the queue: running turns finish, the rest stays stored for the next host.
/// </summary>
public sealed partial class MessengerInboxSweep(
    IMessengerEventLog eventLog,
    MessengerTurnQueue queue,
    TimeProvider time,
    IOptions<MessengerOptions> options,
    ILogger<MessengerInboxSweep> logger) : BackgroundService
{
    /// <summary>A sweep takes at most this many events; the next sweep takes the rest.</summary>
    public const int MaxEventsPerSweep = 10_000;

    /// <summary>One look at the log; returns how many events were taken over.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var unfinished = await eventLog.ListUnfinishedAsync(MaxEventsPerSweep, cancellationToken).ConfigureAwait(false);
        var left = time.GetUtcNow() - options.Value.TurnLease;
        var taken = unfinished
            .GroupBy(e => e.Sender, StringComparer.Ordinal)
            .Where(sender => sender.All(e => e.Since < left) && !sender.Any(e => queue.Holds(e.Key)))
            .SelectMany(sender => sender.Select(e => new QueuedEvent(e.Key, e.Sender, e.Raw)))
            .ToList();
        var added = queue.Enqueue(taken);
        if (added > 0)
        {
            LogTakenOver(logger, added);
        }

        return added;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await queue.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        await PeriodicWork.RunAsync(SweepAsync, options.Value.TurnLease, time, ex => LogSweepFailed(logger, ex), stoppingToken, MessengerTurnRunner.IsPassing).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over {Count} Messenger events that a stopped host left unfinished")]
    private static partial void LogTakenOver(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for Messenger events left by a stopped host; looking again after the turn lease")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
