using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Customers;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Hand-off transcripts in the SQLite file: one row per line, found by the hand-off (channel,
/// conversation, when it was asked for) in order, and by (channel, customer) for erasure. Each row
/// carries when it expires (<c>Handoff:TranscriptRetention</c> after the transcript's last line: every
/// append moves the whole transcript's expiry on), and the hourly clean-up removes it then
/// (<see cref="SqliteRetentionCleanup"/>). Erasing a customer removes their rows (<see cref="ICustomerRecords"/>).
/// </summary>
public sealed class SqliteTranscriptStore(SqliteDatabase database, HandoffOptions options) : IHandoffTranscriptStore, ICustomerRecords
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        51,
        "hand-off transcripts",
        """
        CREATE TABLE handoff_transcripts (
            line INTEGER PRIMARY KEY AUTOINCREMENT,
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            handoff_at INTEGER NOT NULL,
            customer_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            before_handoff INTEGER NOT NULL,
            agent_name TEXT,
            note TEXT,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX handoff_transcripts_handoff ON handoff_transcripts (channel_id, conversation_id, handoff_at, line);
        CREATE INDEX handoff_transcripts_customer ON handoff_transcripts (channel_id, customer_id);
        CREATE INDEX handoff_transcripts_expires_at ON handoff_transcripts (expires_at)
        """);

    public string Name => "handoff-transcripts";

    public async Task AppendAsync(Handoff handoff, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var expiresAt = (entries.Max(e => e.At) + options.TranscriptRetention).ToUnixTimeMilliseconds();
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries.Select(e => e.Bounded()))
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO handoff_transcripts (channel_id, conversation_id, handoff_at, customer_id, at, author, text, before_handoff, agent_name, note, expires_at)
                VALUES ($channel, $conversation, $handoffAt, $customer, $at, $author, $text, $before, $agent, $note, $expires)
                """);
            BindHandoff(insert, handoff);
            insert.Parameters.AddWithValue("$customer", handoff.CustomerId);
            insert.Parameters.AddWithValue("$at", entry.At.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$author", entry.Author.ToString());
            insert.Parameters.AddWithValue("$text", entry.Text);
            insert.Parameters.AddWithValue("$before", entry.BeforeHandoff ? 1 : 0);
            insert.Parameters.AddWithValue("$agent", (object?)entry.AgentName ?? DBNull.Value);
            insert.Parameters.AddWithValue("$note", (object?)entry.Note ?? DBNull.Value);
            insert.Parameters.AddWithValue("$expires", expiresAt);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var renew = write.CreateCommand("""
            UPDATE handoff_transcripts SET expires_at = $expires
            WHERE channel_id = $channel AND conversation_id = $conversation AND handoff_at = $handoffAt AND expires_at < $expires
            """))
        {
            BindHandoff(renew, handoff);
            renew.Parameters.AddWithValue("$expires", expiresAt);
            await renew.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT at, author, text, before_handoff, agent_name, note FROM handoff_transcripts
            WHERE channel_id = $channel AND conversation_id = $conversation AND handoff_at = $handoffAt
            ORDER BY line
            """;
        BindHandoff(command, handoff);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<TranscriptEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TranscriptEntry(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), Enum.Parse<TranscriptAuthor>(reader.GetString(1)), reader.GetString(2))
            {
                BeforeHandoff = reader.GetInt64(3) != 0,
                AgentName = reader.IsDBNull(4) ? null : reader.GetString(4),
                Note = reader.IsDBNull(5) ? null : reader.GetString(5),
            });
        }

        return entries;
    }

    public async Task<IReadOnlyList<TranscriptSummary>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT channel_id, conversation_id, MAX(customer_id), handoff_at FROM handoff_transcripts
            GROUP BY channel_id, conversation_id, handoff_at
            ORDER BY handoff_at DESC
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var summaries = new List<TranscriptSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            summaries.Add(new TranscriptSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return summaries;
    }

    public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM handoff_transcripts WHERE channel_id = $channel AND customer_id = $customer";
        BindCustomer(command, customer);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
    }

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = write.CreateCommand("DELETE FROM handoff_transcripts WHERE channel_id = $channel AND customer_id = $customer");
        BindCustomer(delete, customer);
        var erased = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return erased;
    }

    private static void BindHandoff(SqliteCommand command, Handoff handoff)
    {
        command.Parameters.AddWithValue("$channel", handoff.ChannelId);
        command.Parameters.AddWithValue("$conversation", handoff.ConversationId);
        command.Parameters.AddWithValue("$handoffAt", handoff.RequestedAt.ToUnixTimeMilliseconds());
    }

    private static void BindCustomer(SqliteCommand command, CustomerKey customer)
    {
        command.Parameters.AddWithValue("$channel", customer.ChannelId);
        command.Parameters.AddWithValue("$customer", customer.CustomerId);
    }
}
