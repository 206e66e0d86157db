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
/// the claim as created (or read), so only the claim's owner changes it. The ETag a create or read
/// returned is kept until the outcome is written, so a delivered message costs a create and one
/// replace here, no read (docs/cosmos-db.md, "What it costs"); without a kept ETag, or when it no
/// longer matches, the record is read and checked as before. A campaign's partition grows by one
/// small document per subscriber (about 1 KB): a 20 GB logical partition holds some twenty million.
/// </summary>
public sealed class CosmosDeliveryStore(CosmosDatabase cosmos) : IDeliveryStore
{
    /// <summary>A page's records go out side by side, a few at a time, so one campaign does not take all the throughput.</summary>
    private const int Parallelism = 8;

    /// <summary>Kept ETags are a saving, not state: past this many (outcomes never written after a failure) they are dropped and reads take over.</summary>
    private const int MaxHeldClaims = 10_000;

    /// <summary>The version of each claim this instance created or read, by (campaign, subscription): what its outcome replaces.</summary>
    private readonly RememberedValues<(string CampaignId, string SubscriptionId), HeldClaim> _held = new(MaxHeldClaims);

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
                Hold(stored.Document.Delivery, stored.ETag);
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
                Hold(claim, create.Headers.ETag);
            }
        }, cancellationToken).ConfigureAwait(false);
        return [.. won];
    }

    public Task SaveOutcomesAsync(IReadOnlyList<DeliveryRecord> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return ForEachAsync(outcomes, async (outcome, token) =>
        {
            if (TakeHeld(outcome.CampaignId, outcome.SubscriptionId, outcome.ClaimedBy) is { } etag
                && await TryReplaceAsync(outcome, etag, token).ConfigureAwait(false))
            {
                return;
            }

            // Nothing kept, or the kept version is gone: read what is stored and replace only the owner's claim.
            var stored = await ReadAsync(outcome.CampaignId, outcome.SubscriptionId, token).ConfigureAwait(false);
            if (stored is { } claim && IsClaimedBy(claim.Document.Delivery, outcome.ClaimedBy))
            {
                // The owner is the only writer of its claim, so a 412 here means the claim is no longer its own.
                await TryReplaceAsync(outcome, claim.ETag, token).ConfigureAwait(false);
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
            _held.Forget((campaignId, subscriptionId));
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

    /// <returns>False when the version replaced is no longer the stored one (412) or the record is gone (404).</returns>
    private async Task<bool> TryReplaceAsync(DeliveryRecord outcome, string etag, CancellationToken cancellationToken)
    {
        using var body = CosmosJson.Write(DeliveryDocument.From(outcome));
        using var replace = await Deliveries.ReplaceItemStreamAsync(
            body, CosmosIds.ForKey(outcome.SubscriptionId), new PartitionKey(outcome.CampaignId), new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken).ConfigureAwait(false);
        if (replace.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }

        replace.EnsureSuccessStatusCode();
        return true;
    }

    private void Hold(DeliveryRecord record, string? etag)
    {
        if (record.State != DeliveryState.Claimed || string.IsNullOrEmpty(etag))
        {
            return;
        }

        _held.Remember((record.CampaignId, record.SubscriptionId), new HeldClaim(record.ClaimedBy, etag));
    }

    /// <summary>The kept ETag of a claim held by <paramref name="owner"/>, removed: an outcome is written once.</summary>
    private string? TakeHeld(string campaignId, string subscriptionId, string owner) =>
        _held.TryTake((campaignId, subscriptionId), out var held) && held.Owner == owner ? held.ETag : null;

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

    /// <summary>A claim as this instance last saw it: who held it, and the version that said so.</summary>
    private sealed record HeldClaim(string Owner, string ETag);

    private sealed record DeliveryDocument(string Id, string CampaignId, DeliveryRecord Delivery)
    {
        public static DeliveryDocument From(DeliveryRecord record) => new(CosmosIds.ForKey(record.SubscriptionId), record.CampaignId, record);
    }
}
