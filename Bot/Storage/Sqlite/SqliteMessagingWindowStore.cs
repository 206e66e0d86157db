using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// The last customer message per (channel, customer), read and written by that key only. The
/// "only forward" rule is in the upsert itself, so two turns saving at once keep the later instant
/// whichever commits last.
/// </summary>
public sealed class SqliteMessagingWindowStore(SqliteDatabase database) : IMessagingWindowStore
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        5,
        "messaging windows",
        """
        CREATE TABLE messaging_windows (
            channel_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            last_customer_message_at INTEGER NOT NULL,
            PRIMARY KEY (channel_id, customer_id)
        ) WITHOUT ROWID
        """);

    public async Task<MessagingWindow> GetAsync(string channelId, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(customerId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_customer_message_at FROM messaging_windows WHERE channel_id = $channel AND customer_id = $customer";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$customer", customerId);
        var stored = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return stored is long milliseconds
            ? MessagingWindow.Restore(channelId, customerId, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds))
            : MessagingWindow.NeverOpened(channelId, customerId);
    }

    /// <remarks>A window the customer never opened has nothing to store and cannot move a stored one back.</remarks>
    public async Task SaveAsync(MessagingWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.LastCustomerMessageAt is not { } last)
        {
            return;
        }

        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("""
            INSERT INTO messaging_windows (channel_id, customer_id, last_customer_message_at) VALUES ($channel, $customer, $at)
            ON CONFLICT (channel_id, customer_id) DO UPDATE SET last_customer_message_at = excluded.last_customer_message_at
            WHERE excluded.last_customer_message_at > messaging_windows.last_customer_message_at
            """);
        command.Parameters.AddWithValue("$channel", window.ChannelId);
        command.Parameters.AddWithValue("$customer", window.CustomerId);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(last));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
