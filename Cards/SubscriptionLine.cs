using ConversationBot.Notifications.Topics;

namespace ConversationBot.Cards;

/// <summary>One subscription as <see cref="MyNotificationsCard"/> lists it; the texts are already in the customer's language.</summary>
/// <param name="TopicId">Sent back with Stop / Resume (<see cref="NotificationsSubmission.TopicField"/>).</param>
/// <param name="NextPossibleAt">"Now" when at or before the card's <see cref="MyNotificationsCardModel.AsOf"/>; a dash when null.</param>
/// <param name="ExpiresAt">Shown only when the token expires (Launch2022 profile).</param>
/// <param name="TimeZoneId">The subscriber's IANA zone for the dates; null or unknown shows them in UTC.</param>
public sealed record SubscriptionLine(
    string TopicId,
    string Title,
    Frequency Frequency,
    bool IsStopped,
    DateTimeOffset? NextPossibleAt,
    DateTimeOffset? ExpiresAt,
    string? TimeZoneId);
