namespace ConversationBot.Notifications.Eligibility;

public enum NotEligibleReason
{
    Stopped,
    Expired,
    Retired,

    /// <summary>The topic's promise: one message per period in the subscriber's timezone was already sent.</summary>
    AlreadySentThisPeriod,

    /// <summary>The platform's per-token rule (or the platform's own next eligible time) forbids it yet.</summary>
    TooSoonForToken,

    /// <summary>Neither product can deliver for this business (docs/messenger-platform.md §1, docs/marketing-messages.md §1).</summary>
    OutsideRegion,

    /// <summary>The platform restricted the page from sending (docs/messenger-platform.md §5, 10/1893063).</summary>
    PageSendsPaused,

    /// <summary>
    /// Messenger underneath (Azure Bot Service's facebook channel) with no token: only inside 24 hours
    /// of the customer's last message may anything be sent (docs/messenger-platform.md §6).
    /// </summary>
    MessagingWindowClosed,

    /// <summary>No product reaches this subscriber: their region, or both products refused their token (<see cref="Products.ProductRouter"/>).</summary>
    NoProductServesRegion,
}
