namespace ConversationBot.Notifications.Delivery;

public enum DeliveryState
{
    /// <summary>An instance took this subscriber for the campaign and has not recorded an outcome yet.</summary>
    Claimed,

    Sent,

    /// <summary>Not sent, by the rules (already messaged this period, stopped, expired, ...); see the reason.</summary>
    Skipped,

    /// <summary>Not sent: the platform refused, retries ran out, or the outcome of an interrupted send is unknown.</summary>
    Failed,
}
