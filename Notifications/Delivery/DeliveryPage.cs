namespace ConversationBot.Notifications.Delivery;

/// <summary>One page of a campaign's delivery records; pass <see cref="Continuation"/> back for the next (<c>null</c>: the last page).</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryRecord> Deliveries, string? Continuation);
