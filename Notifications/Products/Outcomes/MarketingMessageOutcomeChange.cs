namespace ConversationBot.Notifications.Products.Outcomes;

/// <summary>What taking in one report did: the outcome to keep, whether it differs from the stored one, and why.</summary>
public sealed record MarketingMessageOutcomeChange(MarketingMessageOutcome Outcome, bool Changed, MarketingMessageOutcomeReason Reason);
