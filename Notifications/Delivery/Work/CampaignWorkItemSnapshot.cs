using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Notifications.Delivery.Work;

/// <summary>
/// Everything a store keeps of a <see cref="CampaignWorkItem"/>; rebuild with <see cref="CampaignWorkItem.Restore"/>.
/// The members after <see cref="Version"/> came with waves and are optional: an item stored before them reads
/// as one of the first pass whose page had nobody waiting.
/// </summary>
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
    long Version,
    int Pass = 0,
    long Waiting = 0,
    DateTimeOffset? NextDueAt = null);
