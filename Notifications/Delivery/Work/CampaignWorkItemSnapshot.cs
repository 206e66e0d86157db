using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Notifications.Delivery.Work;

/// <summary>Everything a store keeps of a <see cref="CampaignWorkItem"/>; rebuild with <see cref="CampaignWorkItem.Restore"/>.</summary>
public sealed record CampaignWorkItemSnapshot(
    string CampaignId,
    int Index,
    string? Start,
    IReadOnlyList<string>? SubscriptionIds,
    string? Next,
    CampaignWorkItemStatus Status,
    string? Owner,
    DateTimeOffset? LeaseExpiresAt,
    DeliveryCounts Counts,
    string? FinishedBy,
    DateTimeOffset? FinishedAt,
    long Version);
