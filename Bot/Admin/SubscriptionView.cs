using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// One customer's consent to one topic; the token itself is never shown. <see cref="Language"/> is the
/// one campaigns speak to the customer in (a subscription stored before languages were recorded shows
/// the fallback, which is what it gets); <see cref="TimeZone"/> is the channel's, <c>null</c> when it gave none.
/// <see cref="History"/> is what happened to the consent, oldest first (Notifications/Subscriptions/ConsentHistoryEntry.cs).
/// </summary>
public sealed record SubscriptionView(
    string Id, string Topic, string? Title, string ChannelId, string Status, DateTimeOffset OptedInAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastSentAt,
    DateTimeOffset? NextEligibleAt, string? RetirementReason, string ProfileName, bool HasToken, string Language, string? TimeZone,
    IReadOnlyList<ConsentHistoryView> History)
{
    public static SubscriptionView Of(Subscription s, SubscriberLanguages languages)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(languages);
        return new(
            s.Id, s.TopicId, s.Title, s.ChannelId, s.Status.ToString(), s.OptedInAt, s.ExpiresAt, s.LastSentAt, s.NextEligibleAt, s.RetirementReason, s.ProfileName,
            s.Token is not null, languages.Of(s.Language), s.TimeZoneId, [.. s.History.Select(h => new ConsentHistoryView(h.Change.ToString(), h.At, h.Reason))]);
    }
}
