namespace ConversationBot.Notifications.Customers;

/// <summary>
/// One customer as every store knows them: the channel and the channel's id for the person (on
/// Messenger the page-scoped id, elsewhere the activity's <c>from.id</c>).
/// </summary>
public sealed record CustomerKey
{
    public CustomerKey(string channelId, string customerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ChannelId = channelId;
        CustomerId = customerId;
    }

    public string ChannelId { get; }

    public string CustomerId { get; }

    public override string ToString() => $"{ChannelId}/{CustomerId}";
}
