using ConversationBot.Cards;

namespace ConversationBot.Dialogs.Orders;

/// <summary>An order as the shop system knows it; what the order-status answer shows.</summary>
public sealed record Order(
    string Number,
    OrderStatus Status,
    DateOnly OrderedOn,
    DateOnly? ExpectedDelivery,
    string Currency,
    IReadOnlyList<OrderLine> Lines,
    string? Carrier = null,
    Uri? TrackingUrl = null);
