namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Where delivery records live. Keyed by (campaign, subscription); every call is bounded by one
/// campaign, so the Cosmos DB version works inside the campaign's partition.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>The records that exist for these subscriptions in this campaign, by subscription id.</summary>
    Task<IReadOnlyDictionary<string, DeliveryRecord>> FindManyAsync(string campaignId, IReadOnlyCollection<string> subscriptionIds, CancellationToken cancellationToken);

    /// <summary>
    /// Creates each claim unless a record for its (campaign, subscription) exists; returns the
    /// subscription ids this call created. Each create stands alone: some may win while others conflict.
    /// </summary>
    Task<IReadOnlyCollection<string>> TryClaimManyAsync(IReadOnlyList<DeliveryRecord> claims, CancellationToken cancellationToken);

    /// <summary>Records outcomes, replacing the claims. Only a record still <see cref="DeliveryState.Claimed"/> by the outcome's <see cref="DeliveryRecord.ClaimedBy"/> is replaced.</summary>
    Task SaveOutcomesAsync(IReadOnlyList<DeliveryRecord> outcomes, CancellationToken cancellationToken);

    /// <summary>Deletes claims still held by <paramref name="owner"/> and not sent (a stopping instance hands them back untouched).</summary>
    Task ReleaseAsync(string campaignId, IReadOnlyCollection<string> subscriptionIds, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// One page of a campaign's records, in an order that stays the same from page to page (SQLite:
    /// by subscription id; Cosmos DB: the partition's own order). The continuation is opaque.
    /// </summary>
    Task<DeliveryPage> ListAsync(string campaignId, string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// A campaign's outcomes counted per product (<see cref="DeliveryRecord.Product"/>). Claims still open are
    /// not counted. This reads every record by default; a store that can count where the records are does so.
    /// </summary>
    async Task<IReadOnlyList<ProductDeliveryCounts>> CountByProductAsync(string campaignId, CancellationToken cancellationToken)
    {
        var parts = new List<ProductDeliveryCounts>();
        string? continuation = null;
        do
        {
            var page = await ListAsync(campaignId, continuation, 500, cancellationToken).ConfigureAwait(false);
            parts.AddRange(ProductDeliveryCounts.Of(page.Deliveries));
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return ProductDeliveryCounts.Sum(parts);
    }
}
