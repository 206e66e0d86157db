namespace ConversationBot.Notifications.Subscriptions;

public enum SubscriptionStatus
{
    /// <summary>May be messaged, within the eligibility rules.</summary>
    Active,

    /// <summary>The customer stopped the topic; a resume makes it active again.</summary>
    Stopped,

    /// <summary>The token's lifetime ended; only a new opt-in (or a refresh) revives it.</summary>
    Expired,

    /// <summary>The platform said the token or the person is gone (docs/messenger-platform.md §5); never used again.</summary>
    Retired,
}
