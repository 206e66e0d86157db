using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Notification subscriptions in the SQLite file, one row per <see cref="Subscription.Id"/> with a
/// column per snapshot field, so every query the port makes is answered from an index. Every read is
/// either a lookup by a unique key (id, token) or a query bounded by one (channel, customer) or one
/// topic, which is what the Cosmos DB version can do as point reads and single-partition queries.
/// </summary>
public sealed partial class SqliteSubscriptionStore(SqliteDatabase database) : ISubscriptionStore
{
    /// <remarks>
    /// channel_id compares ignoring case, as <see cref="ChannelIds"/> and the port's reference do.
    /// The token is unique when present: Messenger issues one token per (page, user, topic), and the
    /// consent service finds a subscription by its token before it creates one. The (topic, status, id)
    /// index serves the fan-out page in id order without sorting.
    /// Enums are stored by name, so reordering an enum cannot change what a stored row means.
    /// </remarks>
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        3,
        "notification subscriptions",
        """
        CREATE TABLE notification_subscriptions (
            id TEXT PRIMARY KEY NOT NULL,
            topic_id TEXT NOT NULL,
            title TEXT,
            channel_id TEXT NOT NULL COLLATE NOCASE,
            customer_id TEXT NOT NULL,
            token TEXT,
            conversation_reference TEXT,
            frequency TEXT,
            time_zone_id TEXT,
            profile_name TEXT NOT NULL,
            opted_in_at INTEGER NOT NULL,
            expires_at INTEGER,
            status TEXT NOT NULL,
            status_changed_at INTEGER,
            retirement_reason TEXT,
            last_sent_at INTEGER,
            next_eligible_at INTEGER,
            origin TEXT NOT NULL,
            last_event_at INTEGER NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX notification_subscriptions_token ON notification_subscriptions (token) WHERE token IS NOT NULL;
        CREATE INDEX notification_subscriptions_customer ON notification_subscriptions (channel_id, customer_id);
        CREATE INDEX notification_subscriptions_topic_status ON notification_subscriptions (topic_id, status, id)
        """);

    /// <summary>
    /// The customer's language (issue 18). Rows stored before it get <paramref name="fallbackLanguage"/>
    /// (<c>Bot:FallbackLanguage</c>, one of the bot's languages: Bot/Notifications/BotLanguages.cs; quoted all
    /// the same): the language those customers were spoken to in when nothing else was known.
    /// </summary>
    public static ISqliteMigration LanguageColumn(string fallbackLanguage) => new SqliteMigration(
        30,
        "subscriber language",
        $"""
        ALTER TABLE notification_subscriptions ADD COLUMN language TEXT;
        UPDATE notification_subscriptions SET language = '{fallbackLanguage.Replace("'", "''", StringComparison.Ordinal)}'
        """);

    /// <summary>
    /// The consent history kept on each subscription (<see cref="Subscription.History"/>, at most
    /// <see cref="Subscription.MaxHistory"/> entries) as one JSON column: it is read and written with the
    /// subscription, so a change and its history entry are one write. Rows stored before it have none.
    /// </summary>
    public static readonly ISqliteMigration HistoryColumn = new SqliteMigration(
        60,
        "consent history",
        "ALTER TABLE notification_subscriptions ADD COLUMN history TEXT");

    /// <summary>
    /// Which product refused the token for its region, and when (issue 23; <see cref="Subscription.RefuseRegion"/>).
    /// Rows stored before it have had no refusal recorded: null is right for them.
    /// </summary>
    public static readonly ISqliteMigration RegionRefusalColumns = new SqliteMigration(
        40,
        "product region refusal",
        """
        ALTER TABLE notification_subscriptions ADD COLUMN region_refused_by TEXT;
        ALTER TABLE notification_subscriptions ADD COLUMN region_refused_at INTEGER
        """);

    /// <summary>
    /// The campaigns' send claims on each subscription (<see cref="Subscription.SendClaims"/>, at most
    /// <see cref="Subscription.MaxSendClaims"/>) as one JSON column, saved with the subscription: the claim and
    /// the reserved period are one write. Rows stored before it carry no claims, which is what they had.
    /// </summary>
    public static readonly ISqliteMigration SendClaimsColumn = new SqliteMigration(
        62,
        "send claims",
        "ALTER TABLE notification_subscriptions ADD COLUMN send_claims TEXT");

    private const string Columns = """
        id, topic_id, title, channel_id, customer_id, token, conversation_reference, frequency, time_zone_id, profile_name,
        opted_in_at, expires_at, status, status_changed_at, retirement_reason, last_sent_at, next_eligible_at, origin, last_event_at, version,
        language, history, region_refused_by, region_refused_at, send_claims
        """;

    public async Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var found = await QueryAsync($"SELECT {Columns} FROM notification_subscriptions WHERE token = $token", c => c.Parameters.AddWithValue("$token", token), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var found = await QueryAsync($"SELECT {Columns} FROM notification_subscriptions WHERE id = $id", c => c.Parameters.AddWithValue("$id", subscriptionId), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<Subscription>> ListByCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(customerId);
        return await QueryAsync(
            $"SELECT {Columns} FROM notification_subscriptions WHERE channel_id = $channel AND customer_id = $customer ORDER BY id",
            c =>
            {
                c.Parameters.AddWithValue("$channel", channelId);
                c.Parameters.AddWithValue("$customer", customerId);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>
    /// Keyset paging: the continuation is the last id handed out and the next page starts after it.
    /// Memory stays at one page however large the topic, and a subscription inserted or stopped
    /// between pages cannot shift the rest: nobody still active is skipped or listed twice.
    /// One row more than the page is read to tell whether another page follows.
    /// </remarks>
    public async Task<SubscriberPage> ListActiveByTopicAsync(string topicId, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM notification_subscriptions WHERE topic_id = $topic AND status = $status AND id > $after ORDER BY id LIMIT $limit",
            c =>
            {
                c.Parameters.AddWithValue("$topic", topicId);
                c.Parameters.AddWithValue("$status", nameof(SubscriptionStatus.Active));
                c.Parameters.AddWithValue("$after", continuation ?? string.Empty);
                c.Parameters.AddWithValue("$limit", pageSize + 1L);
            },
            cancellationToken).ConfigureAwait(false);
        if (rows.Count <= pageSize)
        {
            return new SubscriberPage(rows, null);
        }

        var page = rows.GetRange(0, pageSize);
        return new SubscriberPage(page, page[^1].Id);
    }

    /// <remarks>
    /// Counted, not kept (the Cosmos DB store keeps a counter): the (topic, status, id) index covers the
    /// query, so SQLite counts the topic's Active entries of the index without reading a row, a few dozen
    /// bytes each and local (a million subscribers is tens of milliseconds), and a count that is computed
    /// cannot drift from the subscriptions.
    /// </remarks>
    public async Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM notification_subscriptions WHERE topic_id = $topic AND status = $status";
        command.Parameters.AddWithValue("$topic", topicId);
        command.Parameters.AddWithValue("$status", nameof(SubscriptionStatus.Active));
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <remarks>
    /// The version check is part of the statement: an insert that does nothing when the id exists,
    /// or an update WHERE version = the loaded one. Zero rows changed is the conflict, reported as
    /// false. A token already held by another subscription is not a conflict but broken data, and
    /// fails with the unique-index error.
    /// </remarks>
    public async Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var commands = new SaveCommands(write);
        var saved = await commands.SaveAsync(subscription.ToSnapshot(), cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <remarks>
    /// One transaction for the lot, which is what makes a campaign page's saves cheap; each row's version check still stands alone.
    /// The insert and the update are each prepared once for the lot and bound again per row: a
    /// fresh command per row made SQLite parse the 20-column statement 200 times a page.
    /// </remarks>
    public async Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (subscriptions.Count == 0)
        {
            return [];
        }

        var conflicts = new List<string>();
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var commands = new SaveCommands(write);
        foreach (var subscription in subscriptions)
        {
            if (!await commands.SaveAsync(subscription.ToSnapshot(), cancellationToken).ConfigureAwait(false))
            {
                conflicts.Add(subscription.Id);
            }
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return conflicts;
    }

    private async Task<List<Subscription>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var subscriptions = new List<Subscription>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            subscriptions.Add(Subscription.Restore(Read(reader)));
        }

        return subscriptions;
    }

    private static SubscriptionSnapshot Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetNullableString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetNullableString(5),
        r.GetNullableString(6),
        r.IsDBNull(7) ? null : Enum.Parse<Frequency>(r.GetString(7)),
        r.GetNullableString(8),
        r.GetString(9),
        r.GetTime(10),
        r.GetNullableTime(11),
        Enum.Parse<SubscriptionStatus>(r.GetString(12)),
        r.GetNullableTime(13),
        r.GetNullableString(14),
        r.GetNullableTime(15),
        r.GetNullableTime(16),
        Enum.Parse<SubscriptionOrigin>(r.GetString(17)),
        r.GetTime(18),
        r.GetInt64(19),
        r.GetNullableString(20),
        r.IsDBNull(21) ? null : SqliteJsonList.Read<ConsentHistoryEntry>(r.GetString(21)),
        r.IsDBNull(22) ? null : Enum.Parse<MessengerProduct>(r.GetString(22)),
        r.GetNullableTime(23),
        r.IsDBNull(24) ? null : SqliteJsonList.Read<SendClaim>(r.GetString(24)));
}
