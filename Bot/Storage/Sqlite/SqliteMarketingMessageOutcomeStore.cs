using ConversationBot.Notifications.Products.Outcomes;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Where each marketing message got to, one row per (Meta campaign, token key), and which Meta campaign
/// carries which of ours. A report is read and merged inside one write transaction (SQLite has one writer
/// at a time), so two webhooks of the same message cannot both move it from what each read.
/// </summary>
public sealed class SqliteMarketingMessageOutcomeStore(SqliteDatabase database) : IMarketingMessageOutcomeStore
{
    /// <summary>Issue 23's delivery webhooks: the outcome per message, the campaign pairs.</summary>
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        43,
        "marketing message outcomes",
        """
        CREATE TABLE marketing_message_outcomes (
            meta_campaign_id TEXT NOT NULL,
            token_key TEXT NOT NULL,
            status INTEGER NOT NULL,
            at INTEGER NOT NULL,
            tracking_id TEXT,
            campaign_id TEXT,
            failure TEXT,
            PRIMARY KEY (meta_campaign_id, token_key)
        ) WITHOUT ROWID;
        CREATE TABLE marketing_message_campaigns (
            campaign_id TEXT PRIMARY KEY NOT NULL,
            meta_campaign_id TEXT NOT NULL
        ) WITHOUT ROWID
        """);

    public async Task<MarketingMessageOutcomeChange> ApplyAsync(MarketingMessageOutcome report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        MarketingMessageOutcome? stored = null;
        await using (var read = write.CreateCommand("""
            SELECT status, at, tracking_id, campaign_id, failure FROM marketing_message_outcomes
            WHERE meta_campaign_id = $meta AND token_key = $token
            """))
        {
            read.Parameters.AddWithValue("$meta", report.MetaCampaignId);
            read.Parameters.AddWithValue("$token", report.TokenKey);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored = new MarketingMessageOutcome(
                    report.MetaCampaignId,
                    report.TokenKey,
                    (MarketingMessageStatus)reader.GetInt32(0),
                    reader.GetTime(1),
                    reader.GetNullableString(2),
                    reader.GetNullableString(3),
                    reader.GetNullableString(4));
            }
        }

        var change = stored is null ? MarketingMessageOutcome.First(report) : stored.Merge(report);
        if (change.Changed)
        {
            await using var upsert = write.CreateCommand("""
                INSERT INTO marketing_message_outcomes (meta_campaign_id, token_key, status, at, tracking_id, campaign_id, failure)
                VALUES ($meta, $token, $status, $at, $tracking, $campaign, $failure)
                ON CONFLICT (meta_campaign_id, token_key) DO UPDATE SET
                    status = excluded.status, at = excluded.at, tracking_id = excluded.tracking_id, campaign_id = excluded.campaign_id, failure = excluded.failure
                """);
            Bind(upsert, change.Outcome);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return change;
    }

    public async Task<MarketingMessageOutcomeCounts> CountAsync(string metaCampaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metaCampaignId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COUNT(*) FROM marketing_message_outcomes WHERE meta_campaign_id = $meta GROUP BY status";
        command.Parameters.AddWithValue("$meta", metaCampaignId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var byStatus = new Dictionary<MarketingMessageStatus, long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            byStatus[(MarketingMessageStatus)reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return MarketingMessageOutcomeCounts.Of(byStatus);
    }

    public async Task RememberCampaignAsync(string campaignId, string metaCampaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(metaCampaignId);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand("""
            INSERT INTO marketing_message_campaigns (campaign_id, meta_campaign_id) VALUES ($campaign, $meta)
            ON CONFLICT (campaign_id) DO UPDATE SET meta_campaign_id = excluded.meta_campaign_id
            """);
        command.Parameters.AddWithValue("$campaign", campaignId);
        command.Parameters.AddWithValue("$meta", metaCampaignId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> FindMetaCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT meta_campaign_id FROM marketing_message_campaigns WHERE campaign_id = $campaign";
        command.Parameters.AddWithValue("$campaign", campaignId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static void Bind(SqliteCommand command, MarketingMessageOutcome o)
    {
        command.Parameters.AddWithValue("$meta", o.MetaCampaignId);
        command.Parameters.AddWithValue("$token", o.TokenKey);
        command.Parameters.AddWithValue("$status", (int)o.Status);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(o.At));
        command.Parameters.AddWithValue("$tracking", SqliteValues.Text(o.TrackingId));
        command.Parameters.AddWithValue("$campaign", SqliteValues.Text(o.CampaignId));
        command.Parameters.AddWithValue("$failure", SqliteValues.Text(o.FailureMessage));
    }
}
