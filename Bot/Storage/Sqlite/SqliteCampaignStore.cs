using ConversationBot.Notifications.Campaigns;
using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Campaigns in the SQLite file: the snapshot as JSON, with the columns the due and listing queries
/// filter on kept beside it. The version check is part of the UPDATE, which is what makes a lease
/// exclusive between processes sharing the file.
/// </summary>
public sealed class SqliteCampaignStore(SqliteDatabase database) : ICampaignStore
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        8,
        "campaigns",
        """
        CREATE TABLE campaigns (
            id TEXT PRIMARY KEY NOT NULL,
            status TEXT NOT NULL,
            start_at INTEGER NOT NULL,
            data TEXT NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX campaigns_status ON campaigns (status, id)
        """);

    public async Task<bool> TryCreateAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var s = campaign.ToSnapshot();
        if (s.Version != 0)
        {
            throw new ArgumentException("Only a new campaign (version 0) can be created.", nameof(campaign));
        }

        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand(
            "INSERT INTO campaigns (id, status, start_at, data, version) VALUES ($id, $status, $start, $data, 1) ON CONFLICT (id) DO NOTHING");
        Bind(command, s);
        var created = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        var found = await QueryAsync("SELECT data, version FROM campaigns WHERE id = $id", c => c.Parameters.AddWithValue("$id", campaignId), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> TrySaveAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var s = campaign.ToSnapshot();
        if (s.Version == 0)
        {
            return await TryCreateAsync(campaign, cancellationToken).ConfigureAwait(false);
        }

        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.CreateCommand(
            "UPDATE campaigns SET status = $status, start_at = $start, data = $data, version = version + 1 WHERE id = $id AND version = $version");
        Bind(command, s);
        command.Parameters.AddWithValue("$version", s.Version);
        var saved = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public async Task<IReadOnlyList<Campaign>> ListUnfinishedAsync(DateTimeOffset startedBy, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return await QueryAsync(
            "SELECT data, version FROM campaigns WHERE status IN ('Scheduled', 'Running') AND start_at <= $now ORDER BY id LIMIT $max",
            c =>
            {
                c.Parameters.AddWithValue("$now", SqliteValues.Time(startedBy));
                c.Parameters.AddWithValue("$max", max);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<CampaignPage> ListAsync(CampaignStatus? status, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var rows = await QueryAsync(
            "SELECT data, version FROM campaigns WHERE ($status IS NULL OR status = $status) AND id > $after ORDER BY id LIMIT $limit",
            c =>
            {
                c.Parameters.AddWithValue("$status", SqliteValues.Text(status?.ToString()));
                c.Parameters.AddWithValue("$after", continuation ?? string.Empty);
                c.Parameters.AddWithValue("$limit", pageSize + 1L);
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Count <= pageSize ? new CampaignPage(rows, null) : new CampaignPage(rows.GetRange(0, pageSize), rows[pageSize - 1].Id);
    }

    private static void Bind(SqliteCommand command, CampaignSnapshot s)
    {
        command.Parameters.AddWithValue("$id", s.Id);
        command.Parameters.AddWithValue("$status", s.Status.ToString());
        command.Parameters.AddWithValue("$start", SqliteValues.Time(s.StartAt));
        command.Parameters.AddWithValue("$data", CampaignSnapshotJson.Write(s with { Version = 0 }));
    }

    private async Task<List<Campaign>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var campaigns = new List<Campaign>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            campaigns.Add(Campaign.Restore(CampaignSnapshotJson.Read(reader.GetString(0)) with { Version = reader.GetInt64(1) }));
        }

        return campaigns;
    }
}
