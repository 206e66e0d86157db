using System.Collections.Concurrent;
using System.Net;
using ConversationBot.Notifications.Delivery;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Delivery records in <c>deliveries</c>, partitioned by campaign: every call works inside one
/// campaign's partition. The document id is the subscription id, so a claim is a create and a second
/// claim for the same (campaign, subscription) gets 409 from the service itself, across instances
/// and restarts: that is what makes a send exactly-once. Outcomes and releases are ETag-checked on
/// the claim as read, so only the claim's owner changes it. A campaign's partition grows by one
/// small document per subscriber (about 1 KB): a 20 GB logical partition holds some twenty million.
/// </summary>
public sealed class CosmosDeliveryStore(CosmosDatabase cosmos) : IDeliveryStore
{
    /// <summary>A page's records go out side by side, a few at a time, so one campaign does not take all the throughput.</summary>
    private const int Parallelism = 8;

    private Container Deliveries => cosmos.Deliveries;

    public async Task<IReadOnlyDictionary<string, DeliveryRecord>> FindManyAsync(string campaignId, IReadOnlyCollection<string> subscriptionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(subscriptionIds);
        var found = new ConcurrentDictionary<string, DeliveryRecord>(StringComparer.Ordinal);
        await ForEachAsync(subscriptionIds.Distinct(StringComparer.Ordinal), async (subscriptionId, token) =>
        {
            if (await ReadAsync(campaignId, subscriptionId, token).ConfigureAwait(false) is { } stored)
            {
                found[subscriptionId] = stored.Document.Delivery;
            }
        }, cancellationToken).ConfigureAwait(false);
        return found;
    }

    public async Task<IReadOnlyCollection<string>> TryClaimManyAsync(IReadOnlyList<DeliveryRecord> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var won = new ConcurrentBag<string>();
        await ForEachAsync(claims, async (claim, token) =>
        {
            using var body = CosmosJson.Write(DeliveryDocument.From(claim));
            using var create = await Deliveries.CreateItemStreamAsync(body, new PartitionKey(claim.CampaignId), cancellationToken: token).ConfigureAwait(false);
            if (create.StatusCode != HttpStatusCode.Conflict)
            {
                create.EnsureSuccessStatusCode();
                won.Add(claim.SubscriptionId);
            }
        }, cancellationToken).ConfigureAwait(false);
        return [.. won];
    }

    public Task SaveOutcomesAsync(IReadOnlyList<DeliveryRecord> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return ForEachAsync(outcomes, async (outcome, token) =>
        {
            var stored = await ReadAsync(outcome.CampaignId, outcome.SubscriptionId, token).ConfigureAwait(false);
            if (stored is not { } claim || !IsClaimedBy(claim.Document.Delivery, outcome.ClaimedBy))
            {
                return;
            }

            // The owner is the only writer of its claim, so a 412 here means the claim is no longer its own.
            using var body = CosmosJson.Write(DeliveryDocument.From(outcome));
            using var replace = await Deliveries.ReplaceItemStreamAsync(
                body, claim.Document.Id, new PartitionKey(outcome.CampaignId), new ItemRequestOptions { IfMatchEtag = claim.ETag }, token).ConfigureAwait(false);
            if (replace.StatusCode is not (HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
            {
                replace.EnsureSuccessStatusCode();
            }
        }, cancellationToken);
    }

    public Task ReleaseAsync(string campaignId, IReadOnlyCollection<string> subscriptionIds, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(subscriptionIds);
        ArgumentNullException.ThrowIfNull(owner);
        return ForEachAsync(subscriptionIds, async (subscriptionId, token) =>
        {
            var stored = await ReadAsync(campaignId, subscriptionId, token).ConfigureAwait(false);
            if (stored is not { } claim || !IsClaimedBy(claim.Document.Delivery, owner))
            {
                return;
            }

            using var delete = await Deliveries.DeleteItemStreamAsync(
                claim.Document.Id, new PartitionKey(campaignId), new ItemRequestOptions { IfMatchEtag = claim.ETag }, token).ConfigureAwait(false);
            if (delete.StatusCode is not (HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
            {
                delete.EnsureSuccessStatusCode();
            }
        }, cancellationToken);
    }

    /// <remarks>
    /// Subscription id order without ORDER BY: the ids after the continuation (a projection served by
    /// the index, a few bytes each) are sorted here and the page's records read by id. Each page costs
    /// in proportion to the records after it, so paging through a campaign of a million subscribers
    /// is expensive; this is the admin listing, not a hot path. The continuation is the last id handed out.
    /// </remarks>
    public async Task<DeliveryPage> ListAsync(string campaignId, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        // The service's own continuation: one page costs one page of reads, however large the campaign.
        var query = new QueryDefinition("SELECT * FROM c WHERE c.campaignId = @campaign").WithParameter("@campaign", campaignId);
        var (documents, next) = await CosmosQuery.PageAsync<DeliveryDocument>(
            Deliveries, query, new PartitionKey(campaignId), continuation, pageSize, cancellationToken).ConfigureAwait(false);
        return new DeliveryPage([.. documents.Select(d => d.Delivery)], next);
    }

    private static bool IsClaimedBy(DeliveryRecord stored, string owner) => stored.State == DeliveryState.Claimed && stored.ClaimedBy == owner;

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, body);

    private async Task<(DeliveryDocument Document, string ETag)?> ReadAsync(string campaignId, string subscriptionId, CancellationToken cancellationToken)
    {
        using var read = await Deliveries.ReadItemStreamAsync(CosmosIds.ForKey(subscriptionId), new PartitionKey(campaignId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var document = await CosmosJson.ReadAsync<DeliveryDocument>(read, cancellationToken).ConfigureAwait(false);
        return document.Delivery.SubscriptionId == subscriptionId ? (document, read.Headers.ETag) : null;
    }

    private sealed record DeliveryDocument(string Id, string CampaignId, DeliveryRecord Delivery)
    {
        public static DeliveryDocument From(DeliveryRecord record) => new(CosmosIds.ForKey(record.SubscriptionId), record.CampaignId, record);
    }
}
