namespace ConversationBot.Notifications.OptIns;

public enum OptInOfferKind
{
    /// <summary>An ordinary opt-in request.</summary>
    New,

    /// <summary>
    /// A "continue messages" request to a subscriber in the last stretch before expiry (Launch2022,
    /// <c>notification_messages_reoptin</c>, docs/messenger-platform.md §1-2).
    /// </summary>
    ReOptIn,
}
