namespace ConversationBot.Notifications.Products.Outcomes;

/// <summary>
/// Where one marketing message got to, in the order a message can only move forward
/// (docs/marketing-messages.md, "Delivery webhooks"): Meta accepted it (our send's answer), sent it (the echo
/// webhook), delivered it, it was read, it was clicked. A failure (Meta's asynchronous
/// <c>marketing_message_delivery_failed</c>) replaces only accepted or sent; a delivery, read or click
/// reported for the same message outranks it, because the device did get it. The numbers are that order,
/// so the final status of any set of webhooks is their highest, whatever order they came in and however
/// often each came.
/// </summary>
public enum MarketingMessageStatus
{
    Accepted = 1,
    Sent = 2,
    Failed = 3,
    Delivered = 4,
    Read = 5,
    Clicked = 6,
}
