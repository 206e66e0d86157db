using ConversationBot.Notifications.StopRate;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Opt-in and stop counts per (topic, UTC hour), one row each, incremented by an upsert and summed over
/// the hours a window overlaps (<see cref="StopRateHour.Covering"/>) with a range read of the primary key.
/// The same buckets as the Cosmos DB store, so both answer exactly as the in-memory reference does; a row
/// per event before (<see cref="Schema"/>) grew with every customer and is folded into hours by <see cref="HourlyCounts"/>.
/// </summary>
public sealed class SqliteStopRateCounterStore(SqliteDatabase database) : IStopRateCounterStore
{
    /// <summary>The first schema, one row per event; released, so kept as it was and replaced by <see cref="HourlyCounts"/>.</summary>
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

    /// <remarks>
    /// hour is the hour's start in Unix milliseconds, as every instant in this file is stored. The events
    /// recorded so far are bucketed into their hours (instants are after 1970, so the remainder is the
    /// offset into the hour) and the event table is dropped, all in the migration's one transaction.
    /// </remarks>
    public static readonly ISqliteMigration HourlyCounts = new SqliteMigration(
        10,
        "stop-rate counts per hour",
        """
        CREATE TABLE stop_rate_hours (
            topic_id TEXT NOT NULL,
            hour INTEGER NOT NULL,
            opt_ins INTEGER NOT NULL,
            stops INTEGER NOT NULL,
            PRIMARY KEY (topic_id, hour)
        ) WITHOUT ROWID;
        INSERT INTO stop_rate_hours (topic_id, hour, opt_ins, stops)
            SELECT topic_id, at - (at % 3600000), SUM(1 - is_stop), SUM(is_stop)
            FROM stop_rate_events GROUP BY topic_id, at - (at % 3600000);
        DROP TABLE stop_rate_events
        """);

    public Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, at, 1, 0, cancellationToken);

    public Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => RecordAsync(topicId, at, 0, 1, cancellationToken);

    public async Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        if (until < since)
        {
            return new StopRateCounts(0, 0);
        }

        var (first, last) = StopRateHour.Covering(since, until);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COALESCE(SUM(opt_ins), 0), COALESCE(SUM(stops), 0)
            FROM stop_rate_hours WHERE topic_id = $topic AND hour BETWEEN $first AND $last
            """;
        command.Parameters.AddWithValue("$topic", topicId);
        command.Parameters.AddWithValue("$first", SqliteValues.Time(first));
        command.Parameters.AddWithValue("$last", SqliteValues.Time(last));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StopRateCounts(checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)));
    }

    private async Task RecordAsync(string topicId, DateTimeOffset at, long optIns, long stops, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("""
            INSERT INTO stop_rate_hours (topic_id, hour, opt_ins, stops) VALUES ($topic, $hour, $optIns, $stops)
            ON CONFLICT (topic_id, hour) DO UPDATE SET opt_ins = opt_ins + excluded.opt_ins, stops = stops + excluded.stops
            """);
        command.Parameters.AddWithValue("$topic", topicId);
        command.Parameters.AddWithValue("$hour", SqliteValues.Time(StopRateHour.Of(at)));
        command.Parameters.AddWithValue("$optIns", optIns);
        command.Parameters.AddWithValue("$stops", stops);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
