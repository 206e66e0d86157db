using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Admin;

/// <summary>One customer's consent to one topic; the token itself is never shown.</summary>
public sealed record SubscriptionView(
    string Id, string Topic, string? Title, string ChannelId, string Status, DateTimeOffset OptedInAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastSentAt,
    DateTimeOffset? NextEligibleAt, string? RetirementReason, string ProfileName, bool HasToken)
{
    public static SubscriptionView Of(Subscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.TopicId, s.Title, s.ChannelId, s.Status.ToString(), s.OptedInAt, s.ExpiresAt, s.LastSentAt, s.NextEligibleAt, s.RetirementReason, s.ProfileName, s.Token is not null);
    }
}
