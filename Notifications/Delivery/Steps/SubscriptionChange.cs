using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery.Steps;

/// <summary>A change a send's outcome makes to its subscription, applied by the record step to the stored version.</summary>
internal sealed record SubscriptionChange(string SubscriptionId, Func<Subscription, bool> Apply);
