namespace ConversationBot.Notifications.Products.Unsubscribes;

/// <summary>Which identifier a row of Meta's Unsubscribe API carries (docs/marketing-messages.md, "Stop and erasure reach Meta"): exactly one per row.</summary>
public enum MetaUnsubscribeIdentifier
{
    /// <summary>The subscription token: that subscription stopped.</summary>
    SubscriberToken,

    /// <summary>The person's page-scoped id: the customer was erased.</summary>
    Psid,
}
