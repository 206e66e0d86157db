namespace ConversationBot.Notifications.Subscriptions;

public enum SubscriptionOrigin
{
    /// <summary>The customer accepted a request the bot sent.</summary>
    RequestedByUs,

    /// <summary>The platform asked on its own (docs/messenger-platform.md §2: prompts after 48 h idle or ads).</summary>
    Unrequested,
}
