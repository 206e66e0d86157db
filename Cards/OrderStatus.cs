namespace ConversationBot.Cards;

/// <summary>
/// Where an order is: as the shop system reports it (<c>Dialogs/Orders/Order.cs</c>) and as the
/// customer is told it, one value each. Each has a label in CardStrings (Status_*); a shop system
/// with finer states maps them onto these in its <c>IOrderLookup</c>.
/// </summary>
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
