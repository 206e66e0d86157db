namespace ConversationBot.Notifications.StopRate;

/// <summary>Per-topic opt-in and stop events, counted over a window.</summary>
public interface IStopRateCounterStore
{
    Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken);

    Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Opt-ins and stops of <paramref name="topicId"/> with <paramref name="since"/> &lt;= at &lt;= <paramref name="until"/>.</summary>
    Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
