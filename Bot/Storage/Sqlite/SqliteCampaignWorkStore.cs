using ConversationBot.Notifications.Delivery.Work;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// A campaign's work items in the SQLite file: the snapshot as JSON, keyed by (campaign, index). The
/// version check is part of the UPDATE, as for campaigns. SQLite is one process by design, so the items
/// matter here for a restart (an item released or left half done is taken up again), not for a fleet.
/// </summary>
public sealed class SqliteCampaignWorkStore(SqliteDatabase database) : ICampaignWorkStore
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        20,
        "campaign work items",
        """
        CREATE TABLE campaign_work_items (
            campaign_id TEXT NOT NULL,
            item_index INTEGER NOT NULL,
            data TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (campaign_id, item_index)
        ) WITHOUT ROWID
        """);

    public async Task<bool> TryCreateAsync(CampaignWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand(
            "INSERT INTO campaign_work_items (campaign_id, item_index, data, version) VALUES ($campaign, $index, $data, 1) ON CONFLICT DO NOTHING");
        Bind(command, item.ToSnapshot());
        var created = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task<IReadOnlyList<CampaignWorkItem>> ListAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        return await QueryAsync(
            "SELECT data, version FROM campaign_work_items WHERE campaign_id = $campaign ORDER BY item_index",
            c => c.Parameters.AddWithValue("$campaign", campaignId),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<CampaignWorkItem?> FindAsync(string campaignId, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        var found = await QueryAsync(
            "SELECT data, version FROM campaign_work_items WHERE campaign_id = $campaign AND item_index = $index",
            c =>
            {
                c.Parameters.AddWithValue("$campaign", campaignId);
                c.Parameters.AddWithValue("$index", index);
            },
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> TrySaveAsync(CampaignWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var s = item.ToSnapshot();
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand(
            "UPDATE campaign_work_items SET data = $data, version = version + 1 WHERE campaign_id = $campaign AND item_index = $index AND version = $version");
        Bind(command, s);
        command.Parameters.AddWithValue("$version", s.Version);
        var saved = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    private static void Bind(SqliteCommand command, CampaignWorkItemSnapshot s)
    {
        command.Parameters.AddWithValue("$campaign", s.CampaignId);
        command.Parameters.AddWithValue("$index", s.Index);
        command.Parameters.AddWithValue("$data", CampaignWorkItemJson.Write(s with { Version = 0 }));
    }

    private async Task<List<CampaignWorkItem>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<CampaignWorkItem>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(CampaignWorkItem.Restore(CampaignWorkItemJson.Read(reader.GetString(0)) with { Version = reader.GetInt64(1) }));
        }

        return items;
    }
}
