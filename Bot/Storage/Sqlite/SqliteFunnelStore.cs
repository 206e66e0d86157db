using System.Globalization;
using ConversationBot.Notifications.Funnel;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// The funnel (docs/funnel.md): one row of five counters per (entry, UTC day), incremented by an upsert
/// and summed over a range of days; and one row per attribution (a customer's last entry under the
/// topic <c>''</c>, an opt-in's entry under its topic), replaced on every save.
/// </summary>
public sealed class SqliteFunnelStore(SqliteDatabase database) : IFunnelStore
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        12,
        "funnel",
        """
        CREATE TABLE funnel_days (
            entry TEXT NOT NULL,
            day TEXT NOT NULL,
            entered INTEGER NOT NULL DEFAULT 0,
            conversations INTEGER NOT NULL DEFAULT 0,
            offers_shown INTEGER NOT NULL DEFAULT 0,
            opt_ins INTEGER NOT NULL DEFAULT 0,
            stops INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (entry, day)
        ) WITHOUT ROWID;
        CREATE INDEX funnel_days_day ON funnel_days (day);
        CREATE TABLE funnel_attributions (
            channel_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            topic_id TEXT NOT NULL,
            entry TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (channel_id, customer_id, topic_id)
        ) WITHOUT ROWID
        """);

    public async Task IncrementAsync(string entry, FunnelStage stage, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var column = Column(stage);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand($"""
            INSERT INTO funnel_days (entry, day, {column}) VALUES ($entry, $day, 1)
            ON CONFLICT (entry, day) DO UPDATE SET {column} = {column} + 1
            """);
        command.Parameters.AddWithValue("$entry", entry);
        command.Parameters.AddWithValue("$day", Day(DateOnly.FromDateTime(at.UtcDateTime)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FunnelCounts>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT entry, SUM(entered), SUM(conversations), SUM(offers_shown), SUM(opt_ins), SUM(stops)
            FROM funnel_days WHERE day BETWEEN $from AND $to GROUP BY entry ORDER BY entry
            """;
        command.Parameters.AddWithValue("$from", Day(firstDay));
        command.Parameters.AddWithValue("$to", Day(lastDay));
        var rows = new List<FunnelCounts>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new FunnelCounts(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }

        return rows;
    }

    public async Task<FunnelAttribution?> FindAsync(string channelId, string customerId, string? topicId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry, at FROM funnel_attributions WHERE channel_id = $channel AND customer_id = $customer AND topic_id = $topic";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$customer", customerId);
        command.Parameters.AddWithValue("$topic", topicId ?? string.Empty);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new FunnelAttribution(reader.GetString(0), reader.GetTime(1))
            : null;
    }

    public async Task SaveAsync(string channelId, string customerId, string? topicId, FunnelAttribution attribution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("""
            INSERT INTO funnel_attributions (channel_id, customer_id, topic_id, entry, at) VALUES ($channel, $customer, $topic, $entry, $at)
            ON CONFLICT (channel_id, customer_id, topic_id) DO UPDATE SET entry = excluded.entry, at = excluded.at
            """);
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$customer", customerId);
        command.Parameters.AddWithValue("$topic", topicId ?? string.Empty);
        command.Parameters.AddWithValue("$entry", attribution.Entry);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(attribution.At));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Column names come from this switch only, never from input.</summary>
    private static string Column(FunnelStage stage) => stage switch
    {
        FunnelStage.Entered => "entered",
        FunnelStage.Conversation => "conversations",
        FunnelStage.OfferShown => "offers_shown",
        FunnelStage.OptIn => "opt_ins",
        FunnelStage.Stop => "stops",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "no such stage"),
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
