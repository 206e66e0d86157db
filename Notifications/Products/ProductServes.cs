namespace ConversationBot.Notifications.Products;

/// <summary>Whether a product reaches one subscriber, as far as the bot can tell before it sends.</summary>
public enum ProductServes
{
    No,

    /// <summary>Possible: the subscriber's region is not known, or the documented readings disagree; only a send tells.</summary>
    Maybe,

    Yes,
}
