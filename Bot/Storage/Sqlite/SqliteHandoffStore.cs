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

    public async Task<Handoff?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel_id, conversation_id, customer_id, requested_at, expires_at FROM handoffs WHERE channel_id = $channel AND conversation_id = $conversation";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task SaveAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("""
            INSERT INTO handoffs (channel_id, conversation_id, customer_id, requested_at, expires_at)
            VALUES ($channel, $conversation, $customer, $requested, $expires)
            ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
                customer_id = excluded.customer_id, requested_at = excluded.requested_at, expires_at = excluded.expires_at
            """);
        command.Parameters.AddWithValue("$channel", handoff.ChannelId);
        command.Parameters.AddWithValue("$conversation", handoff.ConversationId);
        command.Parameters.AddWithValue("$customer", handoff.CustomerId);
        command.Parameters.AddWithValue("$requested", handoff.RequestedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", handoff.ExpiresAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
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
        command.CommandText = "SELECT channel_id, conversation_id, customer_id, requested_at, expires_at FROM handoffs ORDER BY requested_at";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var handoffs = new List<Handoff>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            handoffs.Add(Read(reader));
        }

        return handoffs;
    }

    private static Handoff Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
}
