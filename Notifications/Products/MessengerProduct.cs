namespace ConversationBot.Notifications.Products;

/// <summary>
/// The two Meta products that carry a message to a <c>notification_messages_token</c> outside the
/// 24-hour window (docs/marketing-messages.md §1). Both use the same opt-in and the same token; which
/// one reaches a subscriber depends on where the subscriber is.
/// </summary>
public enum MessengerProduct
{
    /// <summary>Free sends through <c>/&lt;PAGE_ID&gt;/messages</c>; since 2026-02-10 only in AU, EU, JP, KR and the UK.</summary>
    RecurringNotifications,

    /// <summary>Paid sends through the business's ad account (<c>act_&lt;id&gt;/messages</c>); everywhere except those five.</summary>
    MarketingMessages,
}
