namespace ConversationBot.Notifications.Products.Outcomes;

public enum MarketingMessageOutcomeReason
{
    /// <summary>Nothing was known of this message: the report is its first status.</summary>
    First,

    /// <summary>The report is further along than what was known: the status moved forward.</summary>
    MovedForward,

    /// <summary>The same status again (Meta sent the webhook twice): nothing moves.</summary>
    Repeated,

    /// <summary>The report is behind what was known (it came late, out of order): nothing moves back.</summary>
    BehindCurrent,
}
