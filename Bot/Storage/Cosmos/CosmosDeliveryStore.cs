using System.Collections.Concurrent;
using System.Net;
using ConversationBot.Notifications.Delivery;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Delivery records in <c>deliveries</c>, partitioned by campaign: every call works inside one
/// campaign's partition. The document id is the subscription id. An outcome is written once, after the
/// send, as a create: the record does not exist on a first pass, so a delivered message costs one create
/// here and no read (the claim that keeps the send at most once is on the subscription; docs/cost.md).
/// A create that conflicts (a page worked again, an unknown outcome recorded by an instance that took the
/// page over) reads the record and replaces it on its ETag unless it says sent. A campaign's partition
/// grows by one small document per subscriber (about 1 KB): a 20 GB logical partition holds some twenty million.
/// </summary>
public sealed class CosmosDeliveryStore(CosmosDatabase cosmos) : IDeliveryStore
{
    /// <summary>A page's records go out side by side, a few at a time, so one campaign does not take all the throughput.</summary>
    private const int Parallelism = 8;

    /// <summary>Rounds of read and replace for one outcome whose record keeps changing under it.</summary>
    private const int MaxReplaceRounds = 3;

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

    public Task RecordOutcomesAsync(IReadOnlyList<DeliveryRecord> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return ForEachAsync(outcomes, async (outcome, token) =>
        {
            using (var body = CosmosJson.Write(DeliveryDocument.From(outcome)))
            {
                using var create = await Deliveries.CreateItemStreamAsync(body, new PartitionKey(outcome.CampaignId), cancellationToken: token).ConfigureAwait(false);
                if (create.StatusCode != HttpStatusCode.Conflict)
                {
                    create.EnsureSuccessStatusCode();
                    return;
                }
            }

            for (var round = 0; round < MaxReplaceRounds; round++)
            {
                var stored = await ReadAsync(outcome.CampaignId, outcome.SubscriptionId, token).ConfigureAwait(false);
                if (stored is { } existing && existing.Document.Delivery.State == DeliveryState.Sent)
                {
                    return;
                }

                if (await TryWriteAsync(outcome, stored?.ETag, token).ConfigureAwait(false))
                {
                    return;
                }
            }

            throw new InvalidOperationException($"The delivery record of campaign {outcome.CampaignId} for {outcome.SubscriptionId} kept changing while its outcome was written.");
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

    /// <summary>Replaces the version read (<paramref name="etag"/>), or creates the record when none was found.</summary>
    /// <returns>False when the record changed in between (412, 404, or 409 on a create).</returns>
    private async Task<bool> TryWriteAsync(DeliveryRecord outcome, string? etag, CancellationToken cancellationToken)
    {
        using var body = CosmosJson.Write(DeliveryDocument.From(outcome));
        var partition = new PartitionKey(outcome.CampaignId);
        using var write = etag is null
            ? await Deliveries.CreateItemStreamAsync(body, partition, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await Deliveries.ReplaceItemStreamAsync(
                body, CosmosIds.ForKey(outcome.SubscriptionId), partition, new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken).ConfigureAwait(false);
        if (write.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return false;
        }

        write.EnsureSuccessStatusCode();
        return true;
    }

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
