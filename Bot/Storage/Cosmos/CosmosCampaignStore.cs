using System.Net;
using ConversationBot.Notifications.Campaigns;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Campaigns in <c>campaigns</c>, all in one logical partition (<see cref="PartitionValue"/>): the
/// worker's "what is due" and the admin listing are then single-partition queries. Campaigns are
/// few (a handful a day), far from the 20 GB a logical partition holds. A save is an ETag-checked
/// replace of the version read, which is what makes a lease exclusive between instances.
/// </summary>
public sealed class CosmosCampaignStore(CosmosDatabase cosmos) : ICampaignStore
{
    public const string PartitionValue = "campaigns";

    private static readonly PartitionKey Partition = new(PartitionValue);

    private Container Campaigns => cosmos.Campaigns;

    public async Task<bool> TryCreateAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var snapshot = campaign.ToSnapshot();
        if (snapshot.Version != 0)
        {
            throw new ArgumentException("Only a new campaign (version 0) can be created.", nameof(campaign));
        }

        using var body = CosmosJson.Write(CampaignDocument.From(snapshot, 1));
        using var create = await Campaigns.CreateItemStreamAsync(body, Partition, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (create.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        create.EnsureSuccessStatusCode();
        return true;
    }

    public async Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        return (await ReadAsync(campaignId, cancellationToken).ConfigureAwait(false))?.Document.ToCampaign();
    }

    public async Task<bool> TrySaveAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var snapshot = campaign.ToSnapshot();
        if (snapshot.Version == 0)
        {
            return await TryCreateAsync(campaign, cancellationToken).ConfigureAwait(false);
        }

        var stored = await ReadAsync(snapshot.Id, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Value.Document.Version != snapshot.Version)
        {
            return false;
        }

        var next = CampaignDocument.From(snapshot, snapshot.Version + 1);
        using var body = CosmosJson.Write(next);
        using var replace = await Campaigns.ReplaceItemStreamAsync(body, next.Id, Partition, new ItemRequestOptions { IfMatchEtag = stored.Value.ETag }, cancellationToken).ConfigureAwait(false);
        if (replace.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }

        replace.EnsureSuccessStatusCode();
        return true;
    }

    /// <remarks>Without TOP or ORDER BY: the unfinished campaigns of the partition come back and the first <paramref name="max"/> by id are kept.</remarks>
    public async Task<IReadOnlyList<Campaign>> ListUnfinishedAsync(DateTimeOffset startedBy, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.partition = @partition AND (c.status = @scheduled OR c.status = @running) AND c.startAtMs <= @now")
            .WithParameter("@partition", PartitionValue)
            .WithParameter("@scheduled", nameof(CampaignStatus.Scheduled))
            .WithParameter("@running", nameof(CampaignStatus.Running))
            .WithParameter("@now", startedBy.ToUnixTimeMilliseconds());
        var documents = await CosmosQuery.AllAsync<CampaignDocument>(Campaigns, query, Partition, cancellationToken).ConfigureAwait(false);
        return [.. documents.OrderBy(d => d.CampaignId, StringComparer.Ordinal).Take(max).Select(d => d.ToCampaign())];
    }

    /// <remarks>
    /// Id order without ORDER BY: the ids after the continuation (a projection, a few bytes each) are
    /// sorted here and the page's documents read by id. Fine for the campaigns partition's size;
    /// the continuation is the last id handed out.
    /// </remarks>
    public async Task<CampaignPage> ListAsync(CampaignStatus? status, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var after = continuation ?? string.Empty;
        var query = new QueryDefinition("SELECT VALUE c.campaignId FROM c WHERE c.partition = @partition" + (status is null ? string.Empty : " AND c.status = @status"))
            .WithParameter("@partition", PartitionValue)
            .WithParameter("@status", status?.ToString());
        var ids = (await CosmosQuery.AllAsync<string>(Campaigns, query, Partition, cancellationToken).ConfigureAwait(false))
            .Where(id => string.CompareOrdinal(id, after) > 0)
            .Order(StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        var page = ids.Take(pageSize).ToList();
        var found = await Task.WhenAll(page.Select(id => ReadAsync(id, cancellationToken))).ConfigureAwait(false);
        var campaigns = found.Where(f => f is not null).Select(f => f!.Value.Document.ToCampaign()).ToList();
        return new CampaignPage(campaigns, ids.Count > pageSize ? page[^1] : null);
    }

    private async Task<(CampaignDocument Document, string ETag)?> ReadAsync(string campaignId, CancellationToken cancellationToken)
    {
        using var read = await Campaigns.ReadItemStreamAsync(CosmosIds.ForKey(campaignId), Partition, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var document = await CosmosJson.ReadAsync<CampaignDocument>(read, cancellationToken).ConfigureAwait(false);
        return document.CampaignId == campaignId ? (document, read.Headers.ETag) : null;
    }

    /// <summary>The snapshot, with the fields the queries filter on beside it (start as a number, so it compares as one).</summary>
    private sealed record CampaignDocument(string Id, string Partition, string CampaignId, CampaignStatus Status, long StartAtMs, long Version, CampaignSnapshot Campaign)
    {
        public static CampaignDocument From(CampaignSnapshot snapshot, long version) =>
            new(CosmosIds.ForKey(snapshot.Id), PartitionValue, snapshot.Id, snapshot.Status, snapshot.StartAt.ToUnixTimeMilliseconds(), version, snapshot with { Version = 0 });

        public Campaign ToCampaign() => global::ConversationBot.Notifications.Campaigns.Campaign.Restore(Campaign with { Version = Version });
    }
}
