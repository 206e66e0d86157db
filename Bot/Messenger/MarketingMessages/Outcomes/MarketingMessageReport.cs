using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;

/// <summary>One delivery webhook of Meta's as read: which message (Meta campaign and token), the status it reports, when, and what else it says.</summary>
public sealed record MarketingMessageReport(string MetaCampaignId, string Token, MarketingMessageStatus Status, DateTimeOffset At, string? TrackingId, string? FailureMessage)
{
    /// <summary>The report as an outcome to merge: the token replaced by its key.</summary>
    public MarketingMessageOutcome ToOutcome() =>
        new(MetaCampaignId, MarketingMessageTokenKey.Of(Token), Status, At, TrackingId, null, FailureMessage);
}
