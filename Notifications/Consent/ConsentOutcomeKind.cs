namespace ConversationBot.Notifications.Consent;

public enum ConsentOutcomeKind
{
    Created,
    Updated,

    /// <summary>A duplicate, or an event older than what the subscription already reflects.</summary>
    Unchanged,

    /// <summary>A stop or resume for which no subscription matches (by token, topic or title).</summary>
    NoMatchingSubscription,
}
