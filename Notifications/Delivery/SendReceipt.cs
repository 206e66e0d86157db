namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// What a platform answered a send it took. Marketing Messages answers "accepted", not "delivered",
/// with a <see cref="TrackingId"/> (<c>marketing_message_tracking_id</c>) that its later delivery, read
/// and failure webhooks name; other channels give none.
/// </summary>
public sealed record SendReceipt(string? TrackingId)
{
    public static SendReceipt None { get; } = new((string?)null);
}
