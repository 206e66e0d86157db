namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Where delivery records live: one outcome per (campaign, subscription), written after the send (or the
/// decision to skip); every call is bounded by one campaign, so the Cosmos DB version works inside the
/// campaign's partition.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>The records that exist for these subscriptions in this campaign, by subscription id.</summary>
    Task<IReadOnlyDictionary<string, DeliveryRecord>> FindManyAsync(string campaignId, IReadOnlyCollection<string> subscriptionIds, CancellationToken cancellationToken);

    /// <summary>
    /// Writes each outcome as its (campaign, subscription)'s record: a create, as the record does not exist
    /// yet on a first pass. Where one exists it is replaced, unless it says <see cref="DeliveryState.Sent"/>:
    /// a message that went out stays recorded as sent whoever writes after it (an instance that took a page
    /// over and recorded a claim as unknown while its first owner was still sending, say). The claim that
    /// keeps a send at most once lives on the subscription (<see cref="Subscriptions.Subscription.ClaimSend"/>).
    /// </summary>
    Task RecordOutcomesAsync(IReadOnlyList<DeliveryRecord> outcomes, CancellationToken cancellationToken);

    /// <summary>
    /// One page of a campaign's records, in an order that stays the same from page to page (SQLite:
    /// by subscription id; Cosmos DB: the partition's own order). The continuation is opaque.
    /// </summary>
    Task<DeliveryPage> ListAsync(string campaignId, string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// A campaign's outcomes counted per product (<see cref="DeliveryRecord.Product"/>). Records left claimed by
    /// an earlier version of the bot are not counted. This reads every record by default; a store that can count where the records are does so.
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
