namespace ConversationBot.Bot.Hosting;

/// <summary>
/// <c>Task.Delay</c> on a <see cref="TimeProvider"/> counts whole milliseconds and drops the rest: a wait of
/// 85.1 ms ends after 85 ms, one of 0.4 ms at once. Where the end must not come early (a send slot of the Page's
/// schedule, a quota's next free moment) the wait is rounded up to the next whole millisecond instead, so it ends
/// at the instant asked for or less than a millisecond after it, and a loop that waits for an instant never spins.
/// </summary>
public static class ClockDelay
{
    public static Task AtLeastAsync(TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken) =>
        wait <= TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromTicks((wait.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond), clock, cancellationToken);
}
