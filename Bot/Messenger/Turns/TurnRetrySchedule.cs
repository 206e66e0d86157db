namespace ConversationBot.Bot.Messenger.Turns;

/// <summary>
/// How long a sender's line waits before trying again an event whose turn failed for a passing reason
/// (the store or the Send API down for a while). Meta used to do this by redelivering; now the event is
/// ours once stored, so we space the tries out the way Meta does: soon, then less and less often. With
/// <see cref="MessengerEndpoints.MaxAttemptsOfPassingFailures"/> attempts an event is set aside about
/// 20 minutes after its first failure.
/// </summary>
public static class TurnRetrySchedule
{
    private static readonly TimeSpan[] Waits =
    [
        TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(10),
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
    ];

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row (1-based); the last wait repeats.</summary>
    public static TimeSpan After(int failures) => Waits[Math.Clamp(failures, 1, Waits.Length) - 1];
}
