namespace ConversationBot.Bot.Hosting;

/// <summary>
/// The loop of the host's background jobs that look at something every so often (the SQLite retention
/// clean-up, the unanswered hand-offs' notices, the Page Inbox time-outs, the Messenger inbox sweep): one
/// round at start-up, then one every interval of the host's <see cref="TimeProvider"/>, so tests move the
/// clock instead of sleeping. A round that fails is reported and the next one comes on time (the next look
/// usually succeeds, and what it looks for is still there); the loop ends quietly when the host stops.
/// </summary>
public static class PeriodicWork
{
    /// <param name="round">One look; given the host's stopping token.</param>
    /// <param name="interval">From the end of one round to the start of the next.</param>
    /// <param name="time">The host's clock.</param>
    /// <param name="failed">Reports a round that threw while the host was not stopping.</param>
    /// <param name="stopping">The host's stopping token.</param>
    /// <param name="survivable">Which failures the loop outlives; others end the job (default: every one).</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task> round,
        TimeSpan interval,
        TimeProvider time,
        Action<Exception> failed,
        CancellationToken stopping,
        Func<Exception, bool>? survivable = null)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(failed);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await round(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested && (survivable?.Invoke(ex) ?? true))
            {
                failed(ex);
            }

            try
            {
                await Task.Delay(interval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
