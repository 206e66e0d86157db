using ConversationBot.Notifications.OptIns;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// The Messenger page's restrictions, one row per page read by its id. Each restriction is its own
/// column so setting one never overwrites the other, even when both are set at the same time.
/// </summary>
public sealed class SqlitePageStatusStore(SqliteDatabase database) : IPageStatusStore
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        6,
        "page status",
        """
        CREATE TABLE page_status (
            page_id TEXT PRIMARY KEY NOT NULL,
            opt_ins_barred_until INTEGER,
            sends_paused_until INTEGER
        ) WITHOUT ROWID
        """);

    public async Task<PageStatus> GetAsync(string pageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT opt_ins_barred_until, sends_paused_until FROM page_status WHERE page_id = $page";
        command.Parameters.AddWithValue("$page", pageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PageStatus(reader.GetNullableTime(0), reader.GetNullableTime(1))
            : PageStatus.Unrestricted;
    }

    /// <remarks>The latest call wins, earlier or later, as in the reference: the newest classified error is the one in force.</remarks>
    public Task BarOptInsUntilAsync(string pageId, DateTimeOffset until, CancellationToken cancellationToken) =>
        SetAsync(
            """
            INSERT INTO page_status (page_id, opt_ins_barred_until) VALUES ($page, $until)
            ON CONFLICT (page_id) DO UPDATE SET opt_ins_barred_until = excluded.opt_ins_barred_until
            """,
            pageId,
            until,
            cancellationToken);

    public Task PauseSendsUntilAsync(string pageId, DateTimeOffset until, CancellationToken cancellationToken) =>
        SetAsync(
            """
            INSERT INTO page_status (page_id, sends_paused_until) VALUES ($page, $until)
            ON CONFLICT (page_id) DO UPDATE SET sends_paused_until = excluded.sends_paused_until
            """,
            pageId,
            until,
            cancellationToken);

    private async Task SetAsync(string sql, string pageId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageId);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand(sql);
        command.Parameters.AddWithValue("$page", pageId);
        command.Parameters.AddWithValue("$until", SqliteValues.Time(until));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
