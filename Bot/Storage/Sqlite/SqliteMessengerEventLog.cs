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

    /// <summary>A turn takes milliseconds; a claim this old belongs to a process that is gone.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public async Task<MessengerEventTurn> ClaimAsync(string eventKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var claim = write.CreateCommand("""
            INSERT INTO messenger_events (event_key, state, claimed_at) VALUES ($key, 'processing', $now)
            ON CONFLICT (event_key) DO UPDATE SET claimed_at = excluded.claimed_at
                WHERE state = 'processing' AND claimed_at < $abandoned
            RETURNING sent
            """);
        claim.Parameters.AddWithValue("$key", eventKey);
        claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("$abandoned", (now - AbandonedAfter).ToUnixTimeMilliseconds());
        if (await claim.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string sent)
        {
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
            return MessengerEventTurn.Claimed(sent.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        await using var state = write.CreateCommand("SELECT state FROM messenger_events WHERE event_key = $key");
        state.Parameters.AddWithValue("$key", eventKey);
        return await state.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string == "done"
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
}
