namespace ConversationBot.Cards;

/// <param name="Subscriptions">In the order to show them; empty shows a "no notifications yet" line.</param>
/// <param name="AsOf">Now, by the caller's clock: a next possible message at or before it reads "now".</param>
public sealed record MyNotificationsCardModel(IReadOnlyList<SubscriptionLine> Subscriptions, DateTimeOffset AsOf);
