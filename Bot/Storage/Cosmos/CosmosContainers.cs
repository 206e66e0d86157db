namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Every container the bot creates and reads. The deployment templates declare the same list
/// (deploymentTemplates/modules/cosmos.bicep; Bot.Tests/Deployment compares them), so a change here is a change there.
/// Partition keys follow the hot paths: a campaign's fan-out reads one topic's partition of
/// <see cref="Subscriptions"/>; a delivery claim is a create in the campaign's partition of
/// <see cref="Deliveries"/>; everything else is a point read by id.
/// Indexed paths are exactly what the queries in this folder filter on (every <c>QueryDefinition</c>:
/// CosmosSubscriptionStore, CosmosCampaignStore, CosmosMessengerEventLog, CosmosDeliveryStore);
/// a new query on another property needs its path here, or it scans. Retention: <see cref="StorageRetention"/>.
/// </summary>
public static class CosmosContainers
{
    /// <summary>TTL on without a default: only documents that carry their own <c>ttl</c> expire.</summary>
    public const int ExpiryPerDocument = -1;

    /// <summary>
    /// Bot Framework state (<c>IStorage</c>), one document per key, point operations only; each document expires after <c>Storage:ConversationStateIdleTime</c> untouched.
    /// Also the hand-off transcripts, which expire on their own <c>ttl</c> too (Bot/Storage/Cosmos/CosmosTranscriptStore.cs).
    /// </summary>
    public static readonly CosmosContainerSpec State = new("state", "/id", ExpiryPerDocument, []);

    /// <summary>Consent: one document per subscription, partitioned by topic for the fan-out, which filters on topic and status. Never expires.</summary>
    public static readonly CosmosContainerSpec Subscriptions = new("subscriptions", "/topicId", null, ["/topicId/?", "/status/?"]);

    /// <summary>Index documents that turn a token or a customer into subscription ids without a cross-partition query; point operations only.</summary>
    public static readonly CosmosContainerSpec Lookups = new("lookups", "/id", null, []);

    /// <summary>Per-customer records: 24-hour window stamps, hand-offs, opt-in offer history (consent evidence), the funnel's attributions; point operations only.</summary>
    public static readonly CosmosContainerSpec Customers = new("customers", "/id", null, []);

    /// <summary>Per-page records: the page's platform status, stop-rate counts, each topic's count of active subscribers, the funnel's counts per entry and day; point operations, and a scan when an operator reads the funnel (Bot/Storage/Cosmos/CosmosFunnelStore.cs).</summary>
    public static readonly CosmosContainerSpec Pages = new("pages", "/id", null, []);

    /// <summary>Campaigns and their leases; one small logical partition, listed by status and due time.</summary>
    public static readonly CosmosContainerSpec Campaigns = new("campaigns", "/partition", null, ["/partition/?", "/status/?", "/startAtMs/?"]);

    /// <summary>One document per (campaign, subscription): a second attempt to create it conflicts (409). Kept 400 days after its last write.</summary>
    public static readonly CosmosContainerSpec Deliveries = new("deliveries", "/campaignId", Seconds(StorageRetention.Deliveries), ["/campaignId/?"]);

    /// <summary>Messenger webhook events already processed, for duplicate deliveries; kept seven days after the last write. Listed by state.</summary>
    public static readonly CosmosContainerSpec Events = new("events", "/id", Seconds(StorageRetention.MessengerEvents), ["/state/?"]);

    public static IReadOnlyList<CosmosContainerSpec> All { get; } = [State, Subscriptions, Lookups, Customers, Pages, Campaigns, Deliveries, Events];

    public static int Seconds(TimeSpan period) => checked((int)period.TotalSeconds);
}
