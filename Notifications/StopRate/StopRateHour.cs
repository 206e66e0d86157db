namespace ConversationBot.Notifications.StopRate;

/// <summary>
/// The unit the stop-rate stores count in: one UTC hour. Stores keep two integers per (topic, hour)
/// instead of every instant, so what a topic costs to record and to count does not grow with how many
/// customers opt in or stop (issue 26, item 3). Every store buckets with this one function.
/// </summary>
public static class StopRateHour
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    /// <summary>The start (UTC) of the hour <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset Of(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % Length.Ticks), TimeSpan.Zero);
    }

    /// <summary>
    /// The hours <see cref="IStopRateCounterStore.CountAsync"/> sums for [<paramref name="since"/>, <paramref name="until"/>]:
    /// every hour that overlaps it, from the hour of <paramref name="since"/> to the hour of <paramref name="until"/>, both included.
    /// </summary>
    public static (DateTimeOffset First, DateTimeOffset Last) Covering(DateTimeOffset since, DateTimeOffset until) => (Of(since), Of(until));
}
