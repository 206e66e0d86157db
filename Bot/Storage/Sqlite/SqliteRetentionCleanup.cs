using Microsoft.Extensions.Options;
using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// The SQLite file's retention, the same as Cosmos DB's time to live (<see cref="StorageRetention"/>,
/// Bot/Storage/Cosmos/CosmosContainers.cs): at start-up and every <see cref="Interval"/> it deletes
/// conversation state untouched for <c>Storage:ConversationStateIdleTime</c>, finished Messenger events
/// older than seven days, delivery records claimed more than 400 days ago and hand-off transcripts past
/// <c>Handoff:TranscriptRetention</c>. Deletes go in batches
/// of <see cref="BatchSize"/>, each its own short write, so turns waiting for the writer are not held up.
/// Subscriptions, consent evidence, hand-offs and campaigns are never deleted by age.
/// </summary>
public sealed partial class SqliteRetentionCleanup(
    SqliteDatabase database,
    IOptions<StorageOptions> options,
    TimeProvider clock,
    ILogger<SqliteRetentionCleanup> logger) : BackgroundService
{
    /// <summary>Ages are days; an hour late costs nothing and an hourly look at indexed columns costs little.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public const int BatchSize = 500;

    /// <summary>
    /// State rows written before version 11 have no <c>written_at</c>: they are stamped when first
    /// seen here, so an upgrade gives them the whole idle time instead of deleting them at once.
    /// </summary>
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        11,
        "retention",
        """
        ALTER TABLE bot_state ADD COLUMN written_at INTEGER;
        CREATE INDEX bot_state_written_at ON bot_state (written_at);
        CREATE INDEX campaign_deliveries_claimed_at ON campaign_deliveries (claimed_at)
        """);

    /// <summary>One round; returns how many rows were deleted.</summary>
    public async Task<int> CleanUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var stamp = write.CreateCommand("UPDATE bot_state SET written_at = $now WHERE written_at IS NULL");
            stamp.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await stamp.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var deleted = await DeleteInBatchesAsync(
            "DELETE FROM bot_state WHERE key IN (SELECT key FROM bot_state WHERE written_at < $before LIMIT $batch)",
            now - options.Value.ConversationStateIdleTime,
            cancellationToken).ConfigureAwait(false);
        deleted += await DeleteInBatchesAsync(
            "DELETE FROM campaign_deliveries WHERE (campaign_id, subscription_id) IN (SELECT campaign_id, subscription_id FROM campaign_deliveries WHERE claimed_at < $before LIMIT $batch)",
            now - StorageRetention.Deliveries,
            cancellationToken).ConfigureAwait(false);
        if (await HasTableAsync("messenger_events", cancellationToken).ConfigureAwait(false))
        {
            // Finished only (done, or set aside for the operator); an unfinished event is a turn still owed.
            deleted += await DeleteInBatchesAsync(
                "DELETE FROM messenger_events WHERE event_key IN (SELECT event_key FROM messenger_events WHERE state IN ('done', 'set-aside') AND claimed_at < $before LIMIT $batch)",
                now - StorageRetention.MessengerEvents,
                cancellationToken).ConfigureAwait(false);
        }

        if (await HasTableAsync("handoff_transcripts", cancellationToken).ConfigureAwait(false))
        {
            // Each line carries its transcript's expiry (Handoff:TranscriptRetention after the last line; Bot/Storage/Sqlite/SqliteTranscriptStore.cs).
            deleted += await DeleteInBatchesAsync(
                "DELETE FROM handoff_transcripts WHERE line IN (SELECT line FROM handoff_transcripts WHERE expires_at <= $before LIMIT $batch)",
                now,
                cancellationToken).ConfigureAwait(false);
        }

        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PeriodicWork.RunAsync(CleanUpAsync, Interval, clock, ex => LogFailed(logger, ex), stoppingToken).ConfigureAwait(false);
    }

    private async Task<int> DeleteInBatchesAsync(string sql, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using var delete = write.CreateCommand(sql);
            delete.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
            delete.Parameters.AddWithValue("$batch", BatchSize);
            var count = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
            total += count;
            if (count < BatchSize)
            {
                return total;
            }
        }
    }

    private async Task<bool> HasTableAsync(string table, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} rows past their time (idle conversations, old deliveries, finished Messenger events, old hand-off transcripts)")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention cleanup failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
