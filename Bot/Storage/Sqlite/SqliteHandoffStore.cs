using ConversationBot.Dialogs.Handoff;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>Open hand-offs in the SQLite file, so a restart does not make the bot talk over a person.</summary>
public sealed class SqliteHandoffStore(SqliteDatabase database) : IHandoffStore
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        2,
        "hand-offs",
        """
        CREATE TABLE handoffs (
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            requested_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (channel_id, conversation_id)
        ) WITHOUT ROWID
        """);

    /// <summary>What the agent desk needs: the language, the reference for a proactive reply, who claimed it, and the version claims are written over.</summary>
    public static readonly ISqliteMigration DeskColumns = new SqliteMigration(
        50,
        "hand-offs for the agent desk",
        """
        ALTER TABLE handoffs ADD COLUMN language TEXT;
        ALTER TABLE handoffs ADD COLUMN conversation_reference TEXT;
        ALTER TABLE handoffs ADD COLUMN claimed_by TEXT;
        ALTER TABLE handoffs ADD COLUMN claimed_at INTEGER;
        ALTER TABLE handoffs ADD COLUMN version INTEGER NOT NULL DEFAULT 0
        """);

    /// <summary>When the customer was told when a person will answer (Dialogs/Handoff/Handoff.cs <c>WaitNoticeAt</c>), written over the version like a claim.</summary>
    public static readonly ISqliteMigration WaitNoticeColumn = new SqliteMigration(
        52,
        "hand-offs: the customer's wait notice",
        "ALTER TABLE handoffs ADD COLUMN wait_notice_at INTEGER");

    private const string Columns = "channel_id, conversation_id, customer_id, requested_at, expires_at, language, conversation_reference, claimed_by, claimed_at, version, wait_notice_at";

    public async Task<Handoff?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM handoffs WHERE channel_id = $channel AND conversation_id = $conversation";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task SaveAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand($"""
            INSERT INTO handoffs ({Columns})
            VALUES ($channel, $conversation, $customer, $requested, $expires, $language, $reference, $claimedBy, $claimedAt, $version, $waitNotice)
            ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
                customer_id = excluded.customer_id, requested_at = excluded.requested_at, expires_at = excluded.expires_at,
                language = excluded.language, conversation_reference = excluded.conversation_reference,
                claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, version = excluded.version,
                wait_notice_at = excluded.wait_notice_at
            """);
        Bind(command, handoff);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryReplaceAsync(Handoff changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("""
            UPDATE handoffs SET
                customer_id = $customer, requested_at = $requested, expires_at = $expires, language = $language,
                conversation_reference = $reference, claimed_by = $claimedBy, claimed_at = $claimedAt, version = $version,
                wait_notice_at = $waitNotice
            WHERE channel_id = $channel AND conversation_id = $conversation AND version = $version - 1
            """);
        Bind(command, changed);
        var stored = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<bool> ReleaseAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("DELETE FROM handoffs WHERE channel_id = $channel AND conversation_id = $conversation");
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        var released = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return released;
    }

    public async Task<IReadOnlyList<Handoff>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM handoffs ORDER BY requested_at";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var handoffs = new List<Handoff>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            handoffs.Add(Read(reader));
        }

        return handoffs;
    }

    private static void Bind(SqliteCommand command, Handoff handoff)
    {
        command.Parameters.AddWithValue("$channel", handoff.ChannelId);
        command.Parameters.AddWithValue("$conversation", handoff.ConversationId);
        command.Parameters.AddWithValue("$customer", handoff.CustomerId);
        command.Parameters.AddWithValue("$requested", handoff.RequestedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", handoff.ExpiresAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$language", (object?)handoff.Language ?? DBNull.Value);
        command.Parameters.AddWithValue("$reference", (object?)handoff.ConversationReference ?? DBNull.Value);
        command.Parameters.AddWithValue("$claimedBy", (object?)handoff.ClaimedBy ?? DBNull.Value);
        command.Parameters.AddWithValue("$claimedAt", handoff.ClaimedAt is { } claimed ? claimed.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("$version", handoff.Version);
        command.Parameters.AddWithValue("$waitNotice", handoff.WaitNoticeAt is { } told ? told.ToUnixTimeMilliseconds() : DBNull.Value);
    }

    private static Handoff Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)))
    {
        Language = reader.IsDBNull(5) ? null : reader.GetString(5),
        ConversationReference = reader.IsDBNull(6) ? null : reader.GetString(6),
        ClaimedBy = reader.IsDBNull(7) ? null : reader.GetString(7),
        ClaimedAt = reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        Version = reader.GetInt64(9),
        WaitNoticeAt = reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
    };
}
