using ConversationBot.Notifications.Products.Outcomes;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Where each marketing message got to, in <c>deliveries</c> next to the delivery records: one document per
/// (Meta campaign, token key) in the partition <c>mm:&lt;Meta campaign id&gt;</c> (no campaign of ours has such
/// an id), so one message's webhooks are point operations and a campaign's report is one partition's query;
/// the documents have no <c>delivery</c> member, so nothing that reads delivery records meets them, and they
/// expire with the container's retention. Each report is a read and an ETag-checked write, started over when
/// another report of the same message came in between (<see cref="CosmosDocumentUpdate"/>). Which Meta
/// campaign carries which of ours is a point document in <c>lookups</c>.
/// </summary>
public sealed class CosmosMarketingMessageOutcomeStore(CosmosDatabase cosmos) : IMarketingMessageOutcomeStore
{
    public async Task<MarketingMessageOutcomeChange> ApplyAsync(MarketingMessageOutcome report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var partition = PartitionOf(report.MetaCampaignId);
        var id = CosmosIds.ForKey(report.TokenKey);
        MarketingMessageOutcomeChange? change = null;
        await CosmosDocumentUpdate.UpdateAsync<OutcomeDocument>(
            cosmos.Deliveries,
            id,
            new PartitionKey(partition),
            stored =>
            {
                change = stored is null ? MarketingMessageOutcome.First(report) : stored.Outcome.Merge(report);
                return change.Changed ? new OutcomeDocument(id, partition, change.Outcome.Status.ToString(), change.Outcome) : null;
            },
            cancellationToken).ConfigureAwait(false);
        return change!;
    }

    public async Task<MarketingMessageOutcomeCounts> CountAsync(string metaCampaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metaCampaignId);
        var partition = PartitionOf(metaCampaignId);
        var query = new QueryDefinition("SELECT c.status FROM c WHERE c.campaignId = @partition").WithParameter("@partition", partition);
        var statuses = await CosmosQuery.AllAsync<StatusOnly>(cosmos.Deliveries, query, new PartitionKey(partition), cancellationToken).ConfigureAwait(false);
        return MarketingMessageOutcomeCounts.Of(statuses
            .GroupBy(s => Enum.Parse<MarketingMessageStatus>(s.Status))
            .ToDictionary(g => g.Key, g => (long)g.Count()));
    }

    public async Task RememberCampaignAsync(string campaignId, string metaCampaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(metaCampaignId);
        var id = PairId(campaignId);
        using var body = CosmosJson.Write(new CampaignPair(id, campaignId, metaCampaignId));
        using var upsert = await cosmos.Lookups.UpsertItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
    }

    public async Task<string?> FindMetaCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        var id = PairId(campaignId);
        using var read = await cosmos.Lookups.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        var pair = await CosmosJson.ReadAsync<CampaignPair>(read, cancellationToken).ConfigureAwait(false);
        return pair.CampaignId == campaignId ? pair.MetaCampaignId : null;
    }

    private static string PartitionOf(string metaCampaignId) => "mm:" + metaCampaignId;

    private static string PairId(string campaignId) => CosmosIds.Compose("metaCampaign", campaignId);

    /// <summary>The status beside the outcome, so the report's query reads one small value per message.</summary>
    private sealed record OutcomeDocument(string Id, string CampaignId, string Status, MarketingMessageOutcome Outcome);

    private sealed record StatusOnly(string Status);

    private sealed record CampaignPair(string Id, string CampaignId, string MetaCampaignId);
}
