namespace ConversationBot.Notifications.Subscriptions;

/// <summary>
/// One change of a subscription's consent, kept on the subscription itself (<see cref="Subscription.History"/>):
/// when, what, and why in words (who stopped, the platform's reason for a retirement). Never the token.
/// </summary>
public sealed record ConsentHistoryEntry(ConsentChange Change, DateTimeOffset At, string? Reason = null);
