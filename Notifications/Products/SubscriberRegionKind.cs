namespace ConversationBot.Notifications.Products;

/// <summary>What the bot can tell about where a subscriber is (see <see cref="SubscriberRegion"/>).</summary>
public enum SubscriberRegionKind
{
    /// <summary>No time zone, or one that names no place (UTC, Etc/GMT+3).</summary>
    Unknown,

    /// <summary>One of Recurring Notifications' five regions (AU, EU, JP, KR, UK); <see cref="SubscriberRegion.Code"/> says which.</summary>
    InFiveRegions,

    /// <summary>A place outside the five regions.</summary>
    Elsewhere,

    /// <summary>
    /// A place whose side Meta does not state: EEA members outside the EU, Switzerland, the Crown
    /// Dependencies, Gibraltar (docs/marketing-messages.md, "Which product carries a message"). Both readings are possible.
    /// </summary>
    Unclear,
}
