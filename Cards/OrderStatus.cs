namespace ConversationBot.Cards;

/// <summary>Where an order is, as the customer is told. Each value has a label in CardStrings (Status_*).</summary>
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
