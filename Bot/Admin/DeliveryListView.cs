namespace ConversationBot.Bot.Admin;

public sealed record DeliveryListView(IReadOnlyList<DeliveryView> Deliveries, string? Continuation);
