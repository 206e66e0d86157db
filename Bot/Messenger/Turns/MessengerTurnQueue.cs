using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Turns;

/// <summary>
/// The turns behind the webhook's 200: each sender's events one after another in the order received
/// (a line per sender), different senders side by side, at most
/// <see cref="MessengerOptions.MaxConcurrentTurns"/> turns at once. A line whose event failed for a
/// passing reason waits (<see cref="TurnRetrySchedule"/>) without holding a turn's place; a line whose
/// event another host holds is dropped, its events left to that host or to the take-over
/// (<see cref="MessengerInboxSweep"/>). Everything here is also in the event log, so a host that stops
/// loses nothing by forgetting it.
/// </summary>
public sealed partial class MessengerTurnQueue : IDisposable
{
    private readonly MessengerTurnRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger<MessengerTurnQueue> _logger;
    private readonly SemaphoreSlim _turns;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<QueuedEvent>> _lines = new(StringComparer.Ordinal);
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _running = [];
    private int _busyLines;
    private bool _disposed;
    private TaskCompletionSource _settled = NewSettled(completed: true);

    public MessengerTurnQueue(MessengerTurnRunner runner, TimeProvider time, IOptions<MessengerOptions> options, ILogger<MessengerTurnQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner;
        _time = time;
        _logger = logger;
        _turns = new SemaphoreSlim(options.Value.MaxConcurrentTurns);
    }

    /// <summary>Adds events to their senders' lines, in the order given; one already queued here is skipped. Returns how many were added.</summary>
    public int Enqueue(IEnumerable<QueuedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var added = 0;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                // Stored already: the next host to start runs them.
                return 0;
            }

            foreach (var queued in events)
            {
                if (!_queued.Add(queued.Key))
                {
                    continue;
                }

                added++;
                if (_lines.TryGetValue(queued.Sender, out var line))
                {
                    line.Enqueue(queued);
                    continue;
                }

                _lines[queued.Sender] = new Queue<QueuedEvent>([queued]);
                Busy(+1);
                var sender = queued.Sender;
                var task = Task.Run(() => RunLineAsync(sender));
                _running.Add(task);
                _ = task.ContinueWith(done => { lock (_gate) { _running.Remove(done); } }, TaskScheduler.Default);
            }
        }

        return added;
    }

    /// <summary>Whether the event is in a line here (running, waiting, or waiting to try again).</summary>
    public bool Holds(string eventKey)
    {
        lock (_gate)
        {
            return _queued.Contains(eventKey);
        }
    }

    /// <summary>
    /// Completes when no turn runs or is ready to run: every line is empty or waiting to try again.
    /// The host's tests wait on it after a POST, as a customer waits for the reply.
    /// </summary>
    public Task WhenSettledAsync()
    {
        lock (_gate)
        {
            return _settled.Task;
        }
    }

    /// <summary>Stops taking turns: lines waiting give up (their events stay stored), running turns finish, within <paramref name="cancellationToken"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _stopping.Cancel();
            running = [.. _running];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            // The host may stop its services again after disposing them (WebApplicationFactory does).
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stopping.Cancel();
        }

        _stopping.Dispose();
        _turns.Dispose();
    }

    private async Task RunLineAsync(string sender)
    {
        var failures = 0;
        while (true)
        {
            QueuedEvent next;
            lock (_gate)
            {
                var line = _lines[sender];
                if (line.Count == 0 || _stopping.IsCancellationRequested)
                {
                    DropLine(sender, line);
                    return;
                }

                next = line.Peek();
            }

            var outcome = await RunOneAsync(next).ConfigureAwait(false);
            switch (outcome)
            {
                case null:
                    // Stopping before it ran.
                    continue;
                case TurnOutcome.Finished:
                    failures = 0;
                    lock (_gate)
                    {
                        _lines[sender].Dequeue();
                        _queued.Remove(next.Key);
                    }

                    continue;
                case TurnOutcome.HeldElsewhere:
                    LogHeldElsewhere(_logger, next.Key);
                    lock (_gate)
                    {
                        DropLine(sender, _lines[sender]);
                    }

                    return;
                default:
                    failures++;
                    await WaitToRetryAsync(TurnRetrySchedule.After(failures)).ConfigureAwait(false);
                    continue;
            }
        }
    }

    /// <summary>One turn in one of the limited places; null when the queue stopped before a place came free.</summary>
    private async Task<TurnOutcome?> RunOneAsync(QueuedEvent next)
    {
        try
        {
            await _turns.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        try
        {
            return await _runner.RunAsync(next).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The store refused even the set-aside: try again later rather than lose the event.
            LogRunFailed(_logger, ex, next.Key);
            return TurnOutcome.RetryLater;
        }
        finally
        {
            _turns.Release();
        }
    }

    /// <summary>
    /// Waits without counting as busy; ends early when the queue stops. The line counts as busy again
    /// in the timer's callback itself, so whoever moved the clock (a test's fake one) and then waits for
    /// the queue to settle sees the line that woke.
    /// </summary>
    private async Task WaitToRetryAsync(TimeSpan wait)
    {
        var woke = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Wake()
        {
            lock (_gate)
            {
                if (woke.TrySetResult())
                {
                    Busy(+1);
                }
            }
        }

        // The timer exists before the line stops counting as busy, in one step: whoever sees the queue
        // settled and then moves the clock moves it past this timer's start, never before it.
        ITimer timer;
        lock (_gate)
        {
            Busy(-1);
            timer = _time.CreateTimer(_ => Wake(), null, wait, Timeout.InfiniteTimeSpan);
        }

        await using (timer.ConfigureAwait(false))
        await using (_stopping.Token.Register(Wake).ConfigureAwait(false))
        {
            await woke.Task.ConfigureAwait(false);
        }
    }

    private void DropLine(string sender, Queue<QueuedEvent> line)
    {
        foreach (var left in line)
        {
            _queued.Remove(left.Key);
        }

        _lines.Remove(sender);
        Busy(-1);
    }

    private void Busy(int change)
    {
        _busyLines += change;
        if (_busyLines == 0)
        {
            _settled.TrySetResult();
        }
        else if (change > 0 && _busyLines == 1)
        {
            _settled = NewSettled(completed: false);
        }
    }

    private static TaskCompletionSource NewSettled(bool completed)
    {
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            settled.TrySetResult();
        }

        return settled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Messenger event {EventKey} is held by another host; its sender's events are left to it")]
    private static partial void LogHeldElsewhere(ILogger logger, string eventKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "The turn of Messenger event {EventKey} could not run or be set aside; trying again later")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string eventKey);
}
