namespace ConversationBot.Notifications.Subscriptions;

/// <summary>One page of a topic's active subscribers; <see cref="Continuation"/> is <c>null</c> on the last page.</summary>
public sealed record SubscriberPage(IReadOnlyList<Subscription> Subscriptions, string? Continuation);
