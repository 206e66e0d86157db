using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Subscriptions;

/// <summary>
/// Every field of a <see cref="Subscription"/>, for the storage layer: <see cref="Subscription.ToSnapshot"/>
/// to write, <see cref="Subscription.Restore"/> to read. <see cref="Version"/> is the store's
/// optimistic-concurrency counter (0 = never saved). <see cref="Language"/> is last and optional so
/// a subscription stored before languages were recorded (a Cosmos DB document without the member)
/// still reads; <c>null</c> there means the fallback language (<see cref="Languages.SubscriberLanguages"/>).
/// <see cref="History"/> likewise: <c>null</c> or absent for a subscription stored before it was kept.
/// The region refusal (<see cref="RegionRefusedBy"/>) and the send claims (<see cref="SendClaims"/>) are optional for the same reason.
/// </summary>
public sealed record SubscriptionSnapshot(
    string Id,
    string TopicId,
    string? Title,
    string ChannelId,
    string CustomerId,
    string? Token,
    string? ConversationReference,
    Frequency? Frequency,
    string? TimeZoneId,
    string ProfileName,
    DateTimeOffset OptedInAt,
    DateTimeOffset? ExpiresAt,
    SubscriptionStatus Status,
    DateTimeOffset? StatusChangedAt,
    string? RetirementReason,
    DateTimeOffset? LastSentAt,
    DateTimeOffset? NextEligibleAt,
    SubscriptionOrigin Origin,
    DateTimeOffset LastEventAt,
    long Version,
    string? Language = null,
    IReadOnlyList<ConsentHistoryEntry>? History = null,
    MessengerProduct? RegionRefusedBy = null,
    DateTimeOffset? RegionRefusedAt = null,
    IReadOnlyList<SendClaim>? SendClaims = null);
