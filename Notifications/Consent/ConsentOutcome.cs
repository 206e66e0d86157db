namespace ConversationBot.Notifications.Consent;

/// <summary>What applying a consent event did, for the host to log.</summary>
public sealed record ConsentOutcome(ConsentOutcomeKind Kind, string? SubscriptionId, string? TopicId, string Explanation);
