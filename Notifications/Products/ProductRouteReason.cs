namespace ConversationBot.Notifications.Products;

/// <summary>Why a subscriber's message goes through the product it goes through (kept with the delivery).</summary>
public enum ProductRouteReason
{
    /// <summary>Not a Messenger token: the channel's own proactive message, no product to choose.</summary>
    NotMessenger,

    /// <summary>The subscriber's region is one the profile serves with Recurring Notifications (free).</summary>
    RegionServedByRecurringNotifications,

    /// <summary>The subscriber is outside the five regions and the business may use Marketing Messages.</summary>
    RegionServedByMarketingMessages,

    /// <summary>
    /// The region is unknown or unclear and both products may serve: Marketing Messages is tried first,
    /// because its region refusal is documented (2300032) and costs nothing, so the fallback is certain.
    /// </summary>
    RegionUnclearMarketingMessagesFirst,

    /// <summary>The region is unknown or unclear and only this product may serve it: it is tried.</summary>
    RegionUnclearOnlyCandidate,

    /// <summary>The other product refused this token for its region earlier: this one is used.</summary>
    OtherProductRefusedRegion,

    /// <summary>Neither product reaches this subscriber (their region, the business's region, a refusal).</summary>
    NoProductServes,
}
