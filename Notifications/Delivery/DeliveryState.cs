namespace ConversationBot.Notifications.Delivery;

public enum DeliveryState
{
    /// <summary>
    /// Taken for the campaign, no outcome yet: a record's state only in memory while its send is under way
    /// (the claim itself is on the subscription), and in records an earlier version of the bot left.
    /// </summary>
    Claimed,

    Sent,

    /// <summary>Not sent, by the rules (already messaged this period, stopped, expired, ...); see the reason.</summary>
    Skipped,

    /// <summary>Not sent: the platform refused, retries ran out, or the outcome of an interrupted send is unknown.</summary>
    Failed,
}
