using ConversationBot.Notifications.OptIns;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Opt-in offer history per (channel, customer): requests and declines are appended as rows (no
/// read-modify-write, so concurrent turns cannot lose one), the offer block is one row per customer.
/// Every read is bounded by one (channel, customer), the partition the Cosmos DB version would use.
/// Nothing is dropped yet: the store does not know the cooldowns, and a customer gets few offers.
/// </summary>
public sealed class SqliteOfferHistoryStore(SqliteDatabase database) : IOfferHistoryStore
{
    /// <remarks>seq keeps the order records were made in, which is the order the port hands them back.</remarks>
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        4,
        "opt-in offer history",
        """
        CREATE TABLE offer_requests (
            seq INTEGER PRIMARY KEY,
            channel_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            topic_id TEXT NOT NULL,
            title TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX offer_requests_customer ON offer_requests (channel_id, customer_id, seq);
        CREATE TABLE offer_declines (
            seq INTEGER PRIMARY KEY,
            channel_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            topic_id TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX offer_declines_customer ON offer_declines (channel_id, customer_id, seq);
        CREATE TABLE offer_blocks (
            channel_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            blocked_until INTEGER NOT NULL,
            PRIMARY KEY (channel_id, customer_id)
        ) WITHOUT ROWID
        """);

    /// <remarks>The three reads share one transaction so they see one moment of the file.</remarks>
    public async Task<OfferHistory> GetAsync(string channelId, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(customerId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Deferred: a read snapshot without taking the write lock. There is no async overload with that choice.
        await using var transaction = connection.BeginTransaction(deferred: true);

        var requests = new List<OptInRequestRecord>();
        await using (var reader = await ReadAsync(connection, transaction, "SELECT topic_id, title, at FROM offer_requests WHERE channel_id = $channel AND customer_id = $customer ORDER BY seq", channelId, customerId, cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                requests.Add(new OptInRequestRecord(reader.GetString(0), reader.GetString(1), reader.GetTime(2)));
            }
        }

        var declines = new List<OptInDeclineRecord>();
        await using (var reader = await ReadAsync(connection, transaction, "SELECT topic_id, at FROM offer_declines WHERE channel_id = $channel AND customer_id = $customer ORDER BY seq", channelId, customerId, cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                declines.Add(new OptInDeclineRecord(reader.GetString(0), reader.GetTime(1)));
            }
        }

        DateTimeOffset? blockedUntil = null;
        await using (var reader = await ReadAsync(connection, transaction, "SELECT blocked_until FROM offer_blocks WHERE channel_id = $channel AND customer_id = $customer", channelId, customerId, cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                blockedUntil = reader.GetTime(0);
            }
        }

        return requests.Count == 0 && declines.Count == 0 && blockedUntil is null
            ? OfferHistory.Empty
            : new OfferHistory(requests, declines, blockedUntil);
    }

    public Task RecordRequestAsync(string channelId, string customerId, OptInRequestRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WriteAsync(
            "INSERT INTO offer_requests (channel_id, customer_id, topic_id, title, at) VALUES ($channel, $customer, $topic, $title, $at)",
            channelId,
            customerId,
            p =>
            {
                p.AddWithValue("$topic", request.TopicId);
                p.AddWithValue("$title", request.Title);
                p.AddWithValue("$at", SqliteValues.Time(request.At));
            },
            cancellationToken);
    }

    public Task RecordDeclineAsync(string channelId, string customerId, OptInDeclineRecord decline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decline);
        return WriteAsync(
            "INSERT INTO offer_declines (channel_id, customer_id, topic_id, at) VALUES ($channel, $customer, $topic, $at)",
            channelId,
            customerId,
            p =>
            {
                p.AddWithValue("$topic", decline.TopicId);
                p.AddWithValue("$at", SqliteValues.Time(decline.At));
            },
            cancellationToken);
    }

    /// <remarks>The latest call wins, earlier or later, as in the reference: the platform's newest answer is the one in force.</remarks>
    public Task BlockOffersUntilAsync(string channelId, string customerId, DateTimeOffset until, CancellationToken cancellationToken) =>
        WriteAsync(
            """
            INSERT INTO offer_blocks (channel_id, customer_id, blocked_until) VALUES ($channel, $customer, $until)
            ON CONFLICT (channel_id, customer_id) DO UPDATE SET blocked_until = excluded.blocked_until
            """,
            channelId,
            customerId,
            p => p.AddWithValue("$until", SqliteValues.Time(until)),
            cancellationToken);

    private static async Task<SqliteDataReader> ReadAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, string channelId, string customerId, CancellationToken cancellationToken)
    {
        // The reader owns the command's lifetime from here; disposing the reader is enough for SQLite.
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$customer", customerId);
        return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(string sql, string channelId, string customerId, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(customerId);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand(sql);
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$customer", customerId);
        bind(command.Parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
