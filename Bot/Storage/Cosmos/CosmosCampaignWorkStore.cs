using System.Net;
using ConversationBot.Notifications.Delivery.Work;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// A campaign's work items in <c>campaigns</c>, in a logical partition of their own per campaign
/// (<c>work|{campaign id}</c>): listing them is a single-partition query on the one indexed path
/// (<c>/partition</c>), and the instances claiming items never touch the campaigns' partition. A claim,
/// renewal or finish is an ETag-checked replace, so two instances cannot both hold an item.
/// </summary>
/// <remarks>
/// Why not the change feed processor's lease distribution: it balances the container's physical
/// partition ranges, not pages of one logical partition, so a campaign (one topic, one logical partition)
/// would go to a single instance however many run; and the local test server's change feed is a one-time
/// snapshot, so nothing about it could be tested here. See docs/delivery.md.
/// </remarks>
public sealed class CosmosCampaignWorkStore(CosmosDatabase cosmos) : ICampaignWorkStore
{
    private Container Campaigns => cosmos.Campaigns;

    public static string PartitionOf(string campaignId) => "work|" + campaignId;

    public async Task<bool> TryCreateAsync(CampaignWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var document = WorkItemDocument.From(item.ToSnapshot(), 1);
        using var body = CosmosJson.Write(document);
        using var create = await Campaigns.CreateItemStreamAsync(body, new PartitionKey(document.Partition), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (create.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        create.EnsureSuccessStatusCode();
        return true;
    }

    public async Task<IReadOnlyList<CampaignWorkItem>> ListAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        var partition = PartitionOf(campaignId);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.partition = @partition").WithParameter("@partition", partition);
        var documents = await CosmosQuery.AllAsync<WorkItemDocument>(Campaigns, query, new PartitionKey(partition), cancellationToken).ConfigureAwait(false);
        return [.. documents.Where(d => d.Item.CampaignId == campaignId).OrderBy(d => d.Item.Index).Select(d => d.ToItem())];
    }

    public async Task<CampaignWorkItem?> FindAsync(string campaignId, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        return (await ReadAsync(campaignId, CampaignWorkItem.IdFor(campaignId, index), cancellationToken).ConfigureAwait(false))?.Document.ToItem();
    }

    public async Task<bool> TrySaveAsync(CampaignWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var snapshot = item.ToSnapshot();
        var stored = await ReadAsync(item.CampaignId, item.Id, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Value.Document.Version != snapshot.Version)
        {
            return false;
        }

        var next = WorkItemDocument.From(snapshot, snapshot.Version + 1);
        using var body = CosmosJson.Write(next);
        using var replace = await Campaigns.ReplaceItemStreamAsync(
            body, next.Id, new PartitionKey(next.Partition), new ItemRequestOptions { IfMatchEtag = stored.Value.ETag }, cancellationToken).ConfigureAwait(false);
        if (replace.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }

        replace.EnsureSuccessStatusCode();
        return true;
    }

    private async Task<(WorkItemDocument Document, string ETag)?> ReadAsync(string campaignId, string itemId, CancellationToken cancellationToken)
    {
        using var read = await Campaigns.ReadItemStreamAsync(CosmosIds.ForKey(itemId), new PartitionKey(PartitionOf(campaignId)), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var document = await CosmosJson.ReadAsync<WorkItemDocument>(read, cancellationToken).ConfigureAwait(false);
        return document.Item.CampaignId == campaignId ? (document, read.Headers.ETag) : null;
    }

    private sealed record WorkItemDocument(string Id, string Partition, long Version, CampaignWorkItemSnapshot Item)
    {
        public static WorkItemDocument From(CampaignWorkItemSnapshot snapshot, long version)
        {
            var key = CampaignWorkItem.IdFor(snapshot.CampaignId, snapshot.Index);
            return new(CosmosIds.ForKey(key), PartitionOf(snapshot.CampaignId), version, snapshot with { Version = 0 });
        }

        public CampaignWorkItem ToItem() => CampaignWorkItem.Restore(Item with { Version = Version });
    }
}
