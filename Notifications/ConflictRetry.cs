namespace ConversationBot.Notifications;

/// <summary>
/// One rule for every read-change-save on a store with optimistic concurrency (subscriptions,
/// campaigns): read, change, save against the version read; on a conflict, read again and change the
/// newer state, at most <see cref="Attempts"/> times, then give up loudly. A conflict means someone
/// else changed the same thing a moment ago; a few rounds settle it, and one that never settles is a
/// bug to see, not a change to drop in silence.
/// </summary>
public static class ConflictRetry
{
    public const int Attempts = 5;

    /// <param name="what">Names the thing in the exception when it keeps changing ("subscription x").</param>
    /// <param name="attempt">One round: read, change, save; <see cref="Round{T}.Conflict"/> when the save lost.</param>
    public static async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<Round<T>>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var round = 1; round <= Attempts; round++)
        {
            var result = await attempt(cancellationToken).ConfigureAwait(false);
            if (result.IsDone)
            {
                return result.Value!;
            }
        }

        throw new InvalidOperationException($"{what} kept changing under us; gave up after {Attempts} attempts.");
    }
}
