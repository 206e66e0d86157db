namespace ConversationBot.Notifications.StopRate;

/// <summary>
/// Per-topic opt-in and stop counts per UTC hour (<see cref="StopRateHour"/>), summed over a window.
/// Stores keep counts, not instants: a day's document or row is the same size for ten customers as for
/// a million (issue 26, item 3).
/// </summary>
public interface IStopRateCounterStore
{
    Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken);

    Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Opt-ins and stops of <paramref name="topicId"/> recorded in the UTC hours that overlap
    /// [<paramref name="since"/>, <paramref name="until"/>], each hour whole: from the start of the
    /// hour <paramref name="since"/> falls in to the end of the hour <paramref name="until"/> falls in
    /// (<see cref="StopRateHour.Covering"/>). So an event up to an hour before <paramref name="since"/>
    /// counts when it is in the same hour; nothing is counted when <paramref name="until"/> is before
    /// <paramref name="since"/>.
    /// </summary>
    Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
