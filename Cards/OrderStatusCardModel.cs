namespace ConversationBot.Cards;

/// <param name="ExpectedDelivery">Null when there is none to promise (not yet shipped, delivered, cancelled).</param>
/// <param name="Carrier">The parcel service's name, when shipped.</param>
/// <param name="TrackingUrl">The carrier's tracking page; adds a "Track parcel" button.</param>
public sealed record OrderStatusCardModel(
    string OrderNumber,
    OrderStatus Status,
    DateOnly OrderDate,
    DateOnly? ExpectedDelivery,
    IReadOnlyList<OrderItem> Items,
    string? Carrier = null,
    Uri? TrackingUrl = null);
