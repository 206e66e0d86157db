using System.Text.Json;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Products;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Delivery records in the SQLite file, one row per (campaign, subscription), written once the outcome
/// is known (the claim is on the subscription: <c>Notifications/Delivery/Steps/ReserveStep.cs</c>). Every
/// call is one statement per record inside one transaction per step, so a campaign page costs a handful
/// of commits, not one per subscriber.
/// </summary>
public sealed class SqliteDeliveryStore(SqliteDatabase database) : IDeliveryStore
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        9,
        "campaign deliveries",
        """
        CREATE TABLE campaign_deliveries (
            campaign_id TEXT NOT NULL,
            subscription_id TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT,
            detail TEXT,
            claimed_by TEXT NOT NULL,
            claimed_at INTEGER NOT NULL,
            completed_at INTEGER,
            attempts INTEGER NOT NULL,
            next_eligible_at INTEGER,
            PRIMARY KEY (campaign_id, subscription_id)
        ) WITHOUT ROWID
        """);

    /// <summary>The product a delivery went through and why (issue 23); rows from before went through Recurring Notifications or a channel, unrecorded.</summary>
    public static readonly ISqliteMigration ProductColumns = new SqliteMigration(
        41,
        "delivery product",
        """
        ALTER TABLE campaign_deliveries ADD COLUMN product TEXT;
        ALTER TABLE campaign_deliveries ADD COLUMN route TEXT
        """);

    /// <summary>Marketing Messages' tracking id of an accepted send (issue 23), which its delivery webhooks name.</summary>
    public static readonly ISqliteMigration TrackingIdColumn = new SqliteMigration(
        42,
        "delivery tracking id",
        """
        ALTER TABLE campaign_deliveries ADD COLUMN tracking_id TEXT
        """);

    private const string Columns =
        "campaign_id, subscription_id, channel_id, customer_id, state, reason, detail, claimed_by, claimed_at, completed_at, attempts, next_eligible_at, product, route, tracking_id";

    public async Task<IReadOnlyDictionary<string, DeliveryRecord>> FindManyAsync(string campaignId, IReadOnlyCollection<string> subscriptionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(subscriptionIds);
        if (subscriptionIds.Count == 0)
        {
            return new Dictionary<string, DeliveryRecord>(StringComparer.Ordinal);
        }

        // One parameter for the whole page: json_each unpacks it, and the primary key serves each lookup.
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM campaign_deliveries WHERE campaign_id = $campaign AND subscription_id IN (SELECT value FROM json_each($ids))",
            c =>
            {
                c.Parameters.AddWithValue("$campaign", campaignId);
                c.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(subscriptionIds));
            },
            cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.SubscriptionId, StringComparer.Ordinal);
    }

    public async Task RecordOutcomesAsync(IReadOnlyList<DeliveryRecord> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return;
        }

        // An insert; on a record that exists, its replacement unless it says Sent (IDeliveryStore.RecordOutcomesAsync).
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand($"""
            INSERT INTO campaign_deliveries ({Columns})
            VALUES ($campaign, $subscription, $channel, $customer, $state, $reason, $detail, $claimedBy, $claimedAt, $completedAt, $attempts, $nextEligible, $product, $route, $tracking)
            ON CONFLICT (campaign_id, subscription_id) DO UPDATE SET
                channel_id = excluded.channel_id, customer_id = excluded.customer_id, state = excluded.state, reason = excluded.reason,
                detail = excluded.detail, claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, completed_at = excluded.completed_at,
                attempts = excluded.attempts, next_eligible_at = excluded.next_eligible_at, product = excluded.product, route = excluded.route,
                tracking_id = excluded.tracking_id
            WHERE campaign_deliveries.state <> 'Sent'
            """);
        foreach (var outcome in outcomes)
        {
            Bind(command, outcome);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeliveryPage> ListAsync(string campaignId, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM campaign_deliveries WHERE campaign_id = $campaign AND subscription_id > $after ORDER BY subscription_id LIMIT $limit",
            c =>
            {
                c.Parameters.AddWithValue("$campaign", campaignId);
                c.Parameters.AddWithValue("$after", continuation ?? string.Empty);
                c.Parameters.AddWithValue("$limit", pageSize + 1L);
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Count <= pageSize ? new DeliveryPage(rows, null) : new DeliveryPage(rows.GetRange(0, pageSize), rows[pageSize - 1].SubscriptionId);
    }

    /// <summary>Counted where the rows are: the primary key's campaign prefix serves it.</summary>
    public async Task<IReadOnlyList<ProductDeliveryCounts>> CountByProductAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT product,
                   SUM(CASE state WHEN 'Sent' THEN 1 ELSE 0 END),
                   SUM(CASE state WHEN 'Skipped' THEN 1 ELSE 0 END),
                   SUM(CASE state WHEN 'Failed' THEN 1 ELSE 0 END)
            FROM campaign_deliveries WHERE campaign_id = $campaign AND state <> 'Claimed' GROUP BY product
            """;
        command.Parameters.AddWithValue("$campaign", campaignId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<ProductDeliveryCounts>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new ProductDeliveryCounts(
                reader.IsDBNull(0) ? null : Enum.Parse<MessengerProduct>(reader.GetString(0)),
                new ConversationBot.Notifications.Campaigns.DeliveryCounts(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3))));
        }

        return counts;
    }

    private static void Bind(SqliteCommand command, DeliveryRecord r)
    {
        // One statement is reused for every record of a page: parameters are set, not added again.
        // A statement ignores the parameters it does not name.
        SetParameter(command, "$campaign", r.CampaignId);
        SetParameter(command, "$subscription", r.SubscriptionId);
        SetParameter(command, "$channel", r.ChannelId);
        SetParameter(command, "$customer", r.CustomerId);
        SetParameter(command, "$state", r.State.ToString());
        SetParameter(command, "$reason", SqliteValues.Text(r.Reason));
        SetParameter(command, "$detail", SqliteValues.Text(r.Detail));
        SetParameter(command, "$claimedBy", r.ClaimedBy);
        SetParameter(command, "$claimedAt", SqliteValues.Time(r.ClaimedAt));
        SetParameter(command, "$completedAt", SqliteValues.Time(r.CompletedAt));
        SetParameter(command, "$attempts", r.Attempts);
        SetParameter(command, "$nextEligible", SqliteValues.Time(r.NextEligibleAt));
        SetParameter(command, "$product", SqliteValues.Text(r.Product?.ToString()));
        SetParameter(command, "$route", SqliteValues.Text(r.Route?.ToString()));
        SetParameter(command, "$tracking", SqliteValues.Text(r.TrackingId));
    }

    private static void SetParameter(SqliteCommand command, string name, object value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value;
        }
        else
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private async Task<List<DeliveryRecord>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<DeliveryRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new DeliveryRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                Enum.Parse<DeliveryState>(reader.GetString(4)),
                reader.GetNullableString(5),
                reader.GetNullableString(6),
                reader.GetString(7),
                reader.GetTime(8),
                reader.GetNullableTime(9),
                reader.GetInt32(10),
                reader.GetNullableTime(11),
                reader.IsDBNull(12) ? null : Enum.Parse<MessengerProduct>(reader.GetString(12)),
                reader.IsDBNull(13) ? null : Enum.Parse<ProductRouteReason>(reader.GetString(13)),
                reader.GetNullableString(14)));
        }

        return records;
    }
}
