namespace ConversationBot.Cards;

/// <param name="Subscriptions">In the order to show them; empty shows a "no notifications yet" line.</param>
public sealed record MyNotificationsCardModel(IReadOnlyList<SubscriptionLine> Subscriptions);
