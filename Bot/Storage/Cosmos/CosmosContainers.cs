namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Every container the bot creates and reads. The deployment templates declare the same list
/// (a test compares them), so a change here is a change there.
/// Partition keys follow the hot paths: a campaign's fan-out reads one topic's partition of
/// <see cref="Subscriptions"/>; "was this delivery already made?" is a point read in the
/// campaign's partition of <see cref="Deliveries"/>; everything else is a point read by id.
/// </summary>
public static class CosmosContainers
{
    /// <summary>Bot Framework conversation state (<c>IStorage</c>), one document per key.</summary>
    public static readonly CosmosContainerSpec State = new("state", "/id");

    /// <summary>Consent: one document per subscription, partitioned by topic for the fan-out read.</summary>
    public static readonly CosmosContainerSpec Subscriptions = new("subscriptions", "/topicId");

    /// <summary>Index documents that turn a token or a customer into subscription ids without a cross-partition query.</summary>
    public static readonly CosmosContainerSpec Lookups = new("lookups", "/id");

    /// <summary>Per-customer records: 24-hour window stamps, hand-offs, opt-in offer history.</summary>
    public static readonly CosmosContainerSpec Customers = new("customers", "/id");

    /// <summary>Per-page records: the page's platform status, stop-rate counts and each topic's count of active subscribers.</summary>
    public static readonly CosmosContainerSpec Pages = new("pages", "/id");

    /// <summary>Campaigns and their leases; one small logical partition, listed without cross-partition queries.</summary>
    public static readonly CosmosContainerSpec Campaigns = new("campaigns", "/partition");

    /// <summary>One document per (campaign, subscription): a second attempt to create it conflicts (409).</summary>
    public static readonly CosmosContainerSpec Deliveries = new("deliveries", "/campaignId");

    /// <summary>Messenger webhook events already processed, for duplicate deliveries; kept seven days.</summary>
    public static readonly CosmosContainerSpec Events = new("events", "/id", 7 * 24 * 60 * 60);

    public static IReadOnlyList<CosmosContainerSpec> All { get; } = [State, Subscriptions, Lookups, Customers, Pages, Campaigns, Deliveries, Events];
}
