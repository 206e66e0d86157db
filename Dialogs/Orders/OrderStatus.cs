namespace ConversationBot.Dialogs.Orders;

/// <summary>Where an order is, as the shop system reports it.</summary>
public enum OrderStatus
{
    Received,
    Processing,
    Shipped,
    OutForDelivery,
    Delivered,
    Cancelled,
    ReturnRequested,
}
