using ConversationBot.Bot.Messenger;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Messenger events in the SQLite file: received (stored with the POST, one transaction for all its
/// events), processing (claimed), done or set aside. A claim older than the turn lease belongs to a
/// process that stopped mid-turn and is taken over; done rows keep only their key, for
/// <see cref="KeptFor"/>, far longer than Meta retries a delivery. Every write goes through the
/// database's one writer, like every other store: on pooled connections, concurrent webhook POSTs
/// met in SQLite's busy handler, which sleeps, and the 99th percentile of a POST reached seconds.
/// </summary>
public sealed class SqliteMessengerEventLog(SqliteDatabase database, TimeProvider time, IOptions<MessengerOptions> options) : IMessengerEventLog
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

    /// <summary>The inbox: whose each event is and where it came in a POST, so each sender's events run in order.</summary>
    public static readonly ISqliteMigration Inbox = new SqliteMigration(
        104,
        "messenger event inbox",
        """
        ALTER TABLE messenger_events ADD COLUMN sender TEXT;
        ALTER TABLE messenger_events ADD COLUMN received_at INTEGER;
        ALTER TABLE messenger_events ADD COLUMN position INTEGER;
        CREATE INDEX messenger_events_unfinished ON messenger_events (received_at, position) WHERE state IN ('received', 'processing')
        """);

    private TimeSpan Lease => options.Value.TurnLease;

    public async Task<IReadOnlySet<string>> AcceptAsync(IReadOnlyList<AcceptedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);

        // A row left "processing" without its event by a version that ran turns inside the POST gets
        // it now, so the redelivery that brought it again can run it.
        await using var insert = write.CreateCommand("""
            INSERT INTO messenger_events (event_key, state, claimed_at, attempts, reason, raw, sender, received_at, position)
            VALUES ($key, $state, $now, 0, $reason, $raw, $sender, $now, $position)
            ON CONFLICT (event_key) DO UPDATE SET raw = excluded.raw, sender = excluded.sender, received_at = excluded.received_at, position = excluded.position
                WHERE state = 'processing' AND raw IS NULL
            RETURNING event_key
            """);
        var key = insert.Parameters.Add("$key", Microsoft.Data.Sqlite.SqliteType.Text);
        var state = insert.Parameters.Add("$state", Microsoft.Data.Sqlite.SqliteType.Text);
        var reason = insert.Parameters.Add("$reason", Microsoft.Data.Sqlite.SqliteType.Text);
        var raw = insert.Parameters.Add("$raw", Microsoft.Data.Sqlite.SqliteType.Text);
        var sender = insert.Parameters.Add("$sender", Microsoft.Data.Sqlite.SqliteType.Text);
        var position = insert.Parameters.Add("$position", Microsoft.Data.Sqlite.SqliteType.Integer);
        insert.Parameters.AddWithValue("$now", now);
        for (var i = 0; i < events.Count; i++)
        {
            var received = events[i];
            key.Value = received.Key;
            state.Value = received.SetAsideReason is null ? "received" : "set-aside";
            reason.Value = (object?)received.SetAsideReason ?? DBNull.Value;
            raw.Value = received.Raw;
            sender.Value = received.Sender;
            position.Value = i;
            if (await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string inserted)
            {
                accepted.Add(inserted);
            }
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return accepted;
    }

    public async Task<IReadOnlyList<UnfinishedEvent>> ListUnfinishedAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT event_key, sender, raw, state, claimed_at FROM messenger_events
            WHERE state IN ('received', 'processing') AND raw IS NOT NULL
            ORDER BY received_at, position LIMIT $max
            """;
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<UnfinishedEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new UnfinishedEvent(
                reader.GetString(0),
                reader.IsDBNull(1) ? string.Empty : reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3) == "processing",
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return found;
    }

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public async Task<MessengerEventTurn> ClaimAsync(string eventKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var claim = write.CreateCommand("""
            INSERT INTO messenger_events (event_key, state, claimed_at, attempts) VALUES ($key, 'processing', $now, 1)
            ON CONFLICT (event_key) DO UPDATE SET state = 'processing', claimed_at = excluded.claimed_at, attempts = attempts + 1
                WHERE state = 'received' OR (state = 'processing' AND claimed_at < $abandoned)
            RETURNING sent, attempts
            """);
        claim.Parameters.AddWithValue("$key", eventKey);
        claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("$abandoned", (now - Lease).ToUnixTimeMilliseconds());
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

    public async Task RecordSendingAsync(string eventKey, string reply, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("UPDATE messenger_events SET sent = sent || $reply || char(10) WHERE event_key = $key AND state = 'processing'");
        command.Parameters.AddWithValue("$key", eventKey);
        command.Parameters.AddWithValue("$reply", reply);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ForgetSendingAsync(string eventKey, string reply, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("UPDATE messenger_events SET sent = replace(sent, $reply || char(10), '') WHERE event_key = $key AND state = 'processing'");
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
            UPDATE messenger_events SET state = 'done', sent = '', raw = NULL WHERE event_key = $key;
            DELETE FROM messenger_events WHERE claimed_at < $expired;
            """);
        command.Parameters.AddWithValue("$key", eventKey);
        command.Parameters.AddWithValue("$expired", (now - KeptFor).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseAsync(string eventKey, CancellationToken cancellationToken)
    {
        // Claimable at once, and the outbox stays for the next run.
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("UPDATE messenger_events SET claimed_at = $released WHERE event_key = $key AND state = 'processing'");
        command.Parameters.AddWithValue("$key", eventKey);
        command.Parameters.AddWithValue("$released", (time.GetUtcNow() - Lease).ToUnixTimeMilliseconds() - 1);
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
