namespace ConversationBot.Notifications.Subscriptions;

/// <summary>What happened to a customer's consent, as the console's history shows it.</summary>
public enum ConsentChange
{
    /// <summary>The first opt-in to the topic.</summary>
    OptedIn,

    /// <summary>A new opt-in for a topic held before (stopped, expired, retired, or a new token).</summary>
    Renewed,

    /// <summary>The platform renewed the token (<c>user_token_status: REFRESHED</c>).</summary>
    Refreshed,

    Stopped,

    Resumed,

    /// <summary>The platform said the token or the person is gone.</summary>
    Retired,

    /// <summary>The token's own lifetime ended.</summary>
    Expired,
}
