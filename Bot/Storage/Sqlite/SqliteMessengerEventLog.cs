using ConversationBot.Bot.Messenger;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Processed Messenger events in the SQLite file. A claim left "processing" by a process that
/// stopped mid-turn is taken over after <see cref="AbandonedAfter"/>; done rows are kept for
/// <see cref="KeptFor"/>, far longer than Meta retries a delivery. Every write goes through the
/// database's one writer, like every other store: on pooled connections, concurrent webhook POSTs
/// met in SQLite's busy handler, which sleeps, and the 99th percentile of a POST reached seconds.
/// </summary>
public sealed class SqliteMessengerEventLog(SqliteDatabase database, TimeProvider time) : IMessengerEventLog
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        101,
        "messenger events",
        """
        CREATE TABLE messenger_events (
            event_key TEXT NOT NULL PRIMARY KEY,
            state TEXT NOT NULL,
            claimed_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX messenger_events_claimed_at ON messenger_events (claimed_at)
        """);

    /// <summary>The outbox: the replies a turn sent, one fingerprint a line.</summary>
    public static readonly ISqliteMigration Outbox = new SqliteMigration(
        102,
        "messenger event outbox",
        "ALTER TABLE messenger_events ADD COLUMN sent TEXT NOT NULL DEFAULT ''");

    /// <summary>Attempts per event, and events set aside (state 'set-aside') with their reason and JSON.</summary>
    public static readonly ISqliteMigration SetAside = new SqliteMigration(
        103,
        "messenger events set aside",
        """
        ALTER TABLE messenger_events ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messenger_events ADD COLUMN reason TEXT;
        ALTER TABLE messenger_events ADD COLUMN raw TEXT;
        CREATE INDEX messenger_events_state ON messenger_events (state, claimed_at)
        """);

    /// <summary>A turn takes milliseconds; a claim this old belongs to a process that is gone.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public async Task<MessengerEventTurn> ClaimAsync(string eventKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var claim = write.CreateCommand("""
            INSERT INTO messenger_events (event_key, state, claimed_at, attempts) VALUES ($key, 'processing', $now, 1)
            ON CONFLICT (event_key) DO UPDATE SET claimed_at = excluded.claimed_at, attempts = attempts + 1
                WHERE state = 'processing' AND claimed_at < $abandoned
            RETURNING sent, attempts
            """);
        claim.Parameters.AddWithValue("$key", eventKey);
        claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("$abandoned", (now - AbandonedAfter).ToUnixTimeMilliseconds());
        await using (var claimed = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await claimed.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var turn = MessengerEventTurn.Claimed(claimed.GetString(0).Split('\n', StringSplitOptions.RemoveEmptyEntries), claimed.GetInt32(1));
                await claimed.DisposeAsync().ConfigureAwait(false);
                await write.CommitAsync(cancellationToken).ConfigureAwait(false);
                return turn;
            }
        }

        await using var state = write.CreateCommand("SELECT state FROM messenger_events WHERE event_key = $key");
        state.Parameters.AddWithValue("$key", eventKey);
        return await state.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string is "done" or "set-aside"
            ? MessengerEventTurn.AlreadyProcessed
            : MessengerEventTurn.InProgress;
    }

    public async Task RecordSentAsync(string eventKey, string reply, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("UPDATE messenger_events SET sent = sent || $reply || char(10) WHERE event_key = $key AND state = 'processing'");
        command.Parameters.AddWithValue("$key", eventKey);
        command.Parameters.AddWithValue("$reply", reply);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync(string eventKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);

        // Pruning rides along with each completion: cheap (indexed), and no timer to run.
        await using var command = write.CreateCommand("""
            UPDATE messenger_events SET state = 'done' WHERE event_key = $key;
            DELETE FROM messenger_events WHERE claimed_at < $expired;
            """);
        command.Parameters.AddWithValue("$key", eventKey);
        command.Parameters.AddWithValue("$expired", (now - KeptFor).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseAsync(string eventKey, CancellationToken cancellationToken)
    {
        // Claimable at once, and the outbox stays for the redelivery.
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("UPDATE messenger_events SET claimed_at = $released WHERE event_key = $key AND state = 'processing'");
        command.Parameters.AddWithValue("$key", eventKey);
        command.Parameters.AddWithValue("$released", (time.GetUtcNow() - AbandonedAfter).ToUnixTimeMilliseconds() - 1);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetAsideAsync(string eventKey, string rawEvent, string reason, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("""
            INSERT INTO messenger_events (event_key, state, claimed_at, attempts, reason, raw) VALUES ($key, 'set-aside', $now, 1, $reason, $raw)
            ON CONFLICT (event_key) DO UPDATE SET state = 'set-aside', claimed_at = excluded.claimed_at, reason = excluded.reason, raw = excluded.raw
                WHERE state <> 'done'
            """);
        command.Parameters.AddWithValue("$key", eventKey);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$raw", rawEvent);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SetAsideEvent>> ListSetAsideAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_key, claimed_at, reason, raw FROM messenger_events WHERE state = 'set-aside' ORDER BY claimed_at DESC, event_key LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<SetAsideEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new SetAsideEvent(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3)));
        }

        return found;
    }
}
