using ConversationBot.Bot.Messenger;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>The last customer message per PSID in the SQLite file, so the 24-hour window survives a restart.</summary>
public sealed class SqliteMessengerWindowStore(SqliteDatabase database) : IMessengerWindowStore
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        102,
        "messenger windows",
        """
        CREATE TABLE messenger_windows (
            psid TEXT NOT NULL PRIMARY KEY,
            last_message_at INTEGER NOT NULL
        ) WITHOUT ROWID
        """);

    public async Task RecordCustomerMessageAsync(string psid, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO messenger_windows (psid, last_message_at) VALUES ($psid, $at)
            ON CONFLICT (psid) DO UPDATE SET last_message_at = MAX(last_message_at, excluded.last_message_at)
            """;
        command.Parameters.AddWithValue("$psid", psid);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DateTimeOffset?> LastCustomerMessageAsync(string psid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_message_at FROM messenger_windows WHERE psid = $psid";
        command.Parameters.AddWithValue("$psid", psid);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long at
            ? DateTimeOffset.FromUnixTimeMilliseconds(at)
            : null;
    }
}
