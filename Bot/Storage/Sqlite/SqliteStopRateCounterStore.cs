using ConversationBot.Notifications.StopRate;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Opt-in and stop events per topic, one row each with its instant, counted over any window by a
/// range scan of the (topic, at) index. Rows are kept: the port does not say how long a window may be
/// asked about, pruning on read would make reads write, and these are human decisions (a few rows a
/// day per topic, not one per delivery). A retention job can delete by the same index later.
/// </summary>
public sealed class SqliteStopRateCounterStore(SqliteDatabase database) : IStopRateCounterStore
{
    private const long OptIn = 0;
    private const long Stop = 1;

    public static readonly ISqliteMigration Schema = new SqliteMigration(
        7,
        "stop-rate events",
        """
        CREATE TABLE stop_rate_events (
            seq INTEGER PRIMARY KEY,
            topic_id TEXT NOT NULL,
            is_stop INTEGER NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX stop_rate_events_topic_at ON stop_rate_events (topic_id, at, is_stop)
        """);

    public Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, OptIn, at, cancellationToken);

    public Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, Stop, at, cancellationToken);

    /// <remarks>
    /// Both edges are inclusive, as the port says; is_stop is in the index so the count never reads
    /// the table. Stored instants are whole milliseconds, so a start with a fraction of a millisecond
    /// rounds up: an event stored at that millisecond happened before the window began.
    /// </remarks>
    public async Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) - COALESCE(SUM(is_stop), 0), COALESCE(SUM(is_stop), 0)
            FROM stop_rate_events WHERE topic_id = $topic AND at BETWEEN $since AND $until
            """;
        command.Parameters.AddWithValue("$topic", topicId);
        command.Parameters.AddWithValue("$since", CeilingMilliseconds(since));
        command.Parameters.AddWithValue("$until", SqliteValues.Time(until));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StopRateCounts(checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)));
    }

    private static long CeilingMilliseconds(DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) < at ? milliseconds + 1 : milliseconds;
    }

    private async Task RecordAsync(string topicId, long isStop, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("INSERT INTO stop_rate_events (topic_id, is_stop, at) VALUES ($topic, $isStop, $at)");
        command.Parameters.AddWithValue("$topic", topicId);
        command.Parameters.AddWithValue("$isStop", isStop);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
