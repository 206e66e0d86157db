namespace ConversationBot.Bot.Delivery;

/// <summary>
/// Wakes the delivery worker before its next poll: a campaign created for now should not wait for the timer.
/// <para>
/// A wake-up is never lost: the worker reads <see cref="Wakes"/> before a pass and hands it back to
/// <see cref="WaitAsync"/>, which returns at once when a wake-up came in between. (A semaphore lost
/// some: a wait cancelled by its timer stays registered for a moment, and a release in that moment
/// went to it; the campaign then waited for the next poll, and forever on a test's fake clock.)
/// </para>
/// </summary>
public sealed class DeliverySignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSource();
    private long _wakes;

    /// <summary>How many wake-ups there have been; read before a pass, for <see cref="WaitAsync"/> after it.</summary>
    public long Wakes
    {
        get
        {
            lock (_gate)
            {
                return _wakes;
            }
        }
    }

    public void Wake()
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            _wakes++;
            woken = _next;
            _next = NewSource();
        }

        woken.TrySetResult();
    }

    /// <summary>
    /// Waits for a wake-up after the <paramref name="seen"/>-th, or for <paramref name="timeout"/> on
    /// <paramref name="clock"/>, whichever comes first; at once when one already came.
    /// </summary>
    public async Task WaitAsync(long seen, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task woken;
        lock (_gate)
        {
            if (_wakes != seen)
            {
                return;
            }

            woken = _next.Task;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(timeout, clock, linked.Token);
        await Task.WhenAny(woken, timer).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
