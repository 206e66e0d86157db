using ConversationBot.Notifications.Products.Unsubscribes;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>The unsubscribes Meta has not yet taken, one row each; done rows keep their id and lose the identifier.</summary>
public sealed class SqliteMetaUnsubscribeOutbox(SqliteDatabase database) : IMetaUnsubscribeOutbox
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        44,
        "meta unsubscribe outbox",
        """
        CREATE TABLE meta_unsubscribes (
            id TEXT PRIMARY KEY NOT NULL,
            identifier TEXT NOT NULL,
            value TEXT,
            reason TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            done_at INTEGER,
            outcome TEXT
        ) WITHOUT ROWID;
        CREATE INDEX meta_unsubscribes_due ON meta_unsubscribes (next_attempt_at) WHERE done_at IS NULL
        """);

    private const string Columns = "id, identifier, value, reason, created_at, attempts, next_attempt_at, last_error, done_at, outcome";

    public async Task<bool> AddAsync(MetaUnsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand($"""
            INSERT INTO meta_unsubscribes ({Columns})
            VALUES ($id, $identifier, $value, $reason, $created, $attempts, $next, $error, $done, $outcome)
            ON CONFLICT (id) DO NOTHING
            """);
        Bind(command, unsubscribe);
        var added = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task<IReadOnlyList<MetaUnsubscribe>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM meta_unsubscribes WHERE done_at IS NULL AND next_attempt_at <= $now ORDER BY next_attempt_at LIMIT $max";
        command.Parameters.AddWithValue("$now", SqliteValues.Time(now));
        command.Parameters.AddWithValue("$max", max);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveAsync(MetaUnsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand($"""
            INSERT INTO meta_unsubscribes ({Columns})
            VALUES ($id, $identifier, $value, $reason, $created, $attempts, $next, $error, $done, $outcome)
            ON CONFLICT (id) DO UPDATE SET value = excluded.value, attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at,
                last_error = excluded.last_error, done_at = excluded.done_at, outcome = excluded.outcome
            """);
        Bind(command, unsubscribe);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<MetaUnsubscribe?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM meta_unsubscribes WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private static void Bind(SqliteCommand command, MetaUnsubscribe u)
    {
        command.Parameters.AddWithValue("$id", u.Id);
        command.Parameters.AddWithValue("$identifier", u.Identifier.ToString());
        command.Parameters.AddWithValue("$value", SqliteValues.Text(u.Value));
        command.Parameters.AddWithValue("$reason", u.Reason);
        command.Parameters.AddWithValue("$created", SqliteValues.Time(u.CreatedAt));
        command.Parameters.AddWithValue("$attempts", u.Attempts);
        command.Parameters.AddWithValue("$next", SqliteValues.Time(u.NextAttemptAt));
        command.Parameters.AddWithValue("$error", SqliteValues.Text(u.LastError));
        command.Parameters.AddWithValue("$done", SqliteValues.Time(u.DoneAt));
        command.Parameters.AddWithValue("$outcome", SqliteValues.Text(u.Outcome));
    }

    private static async Task<List<MetaUnsubscribe>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<MetaUnsubscribe>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new MetaUnsubscribe(
                reader.GetString(0),
                Enum.Parse<MetaUnsubscribeIdentifier>(reader.GetString(1)),
                reader.GetNullableString(2),
                reader.GetString(3),
                reader.GetTime(4),
                reader.GetInt32(5),
                reader.GetTime(6),
                reader.GetNullableString(7),
                reader.GetNullableTime(8),
                reader.GetNullableString(9)));
        }

        return rows;
    }
}
