using System.Globalization;
using ConversationBot.Notifications.Activity;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>One row of seven counters per (topic, UTC day), added to by one upsert, read for a range of days.</summary>
public sealed class SqliteTopicActivityStore(SqliteDatabase database) : ITopicActivityStore
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        61,
        "topic activity per day",
        """
        CREATE TABLE topic_days (
            topic_id TEXT NOT NULL,
            day TEXT NOT NULL,
            offered INTEGER NOT NULL DEFAULT 0,
            accepted INTEGER NOT NULL DEFAULT 0,
            declined INTEGER NOT NULL DEFAULT 0,
            stopped INTEGER NOT NULL DEFAULT 0,
            sent INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (topic_id, day)
        ) WITHOUT ROWID;
        CREATE INDEX topic_days_day ON topic_days (day)
        """);

    public async Task AddAsync(string topicId, DateOnly day, TopicDayCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("""
            INSERT INTO topic_days (topic_id, day, offered, accepted, declined, stopped, sent, skipped, failed)
            VALUES ($topic, $day, $offered, $accepted, $declined, $stopped, $sent, $skipped, $failed)
            ON CONFLICT (topic_id, day) DO UPDATE SET
                offered = offered + excluded.offered, accepted = accepted + excluded.accepted, declined = declined + excluded.declined,
                stopped = stopped + excluded.stopped, sent = sent + excluded.sent, skipped = skipped + excluded.skipped, failed = failed + excluded.failed
            """);
        command.Parameters.AddWithValue("$topic", topicId);
        command.Parameters.AddWithValue("$day", Day(day));
        command.Parameters.AddWithValue("$offered", counts.Offered);
        command.Parameters.AddWithValue("$accepted", counts.Accepted);
        command.Parameters.AddWithValue("$declined", counts.Declined);
        command.Parameters.AddWithValue("$stopped", counts.Stopped);
        command.Parameters.AddWithValue("$sent", counts.Sent);
        command.Parameters.AddWithValue("$skipped", counts.Skipped);
        command.Parameters.AddWithValue("$failed", counts.Failed);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TopicDay>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT topic_id, day, offered, accepted, declined, stopped, sent, skipped, failed
            FROM topic_days WHERE day BETWEEN $from AND $to ORDER BY topic_id, day
            """;
        command.Parameters.AddWithValue("$from", Day(firstDay));
        command.Parameters.AddWithValue("$to", Day(lastDay));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var days = new List<TopicDay>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            days.Add(new TopicDay(
                reader.GetString(0),
                DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                new TopicDayCounts(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8))));
        }

        return days;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
