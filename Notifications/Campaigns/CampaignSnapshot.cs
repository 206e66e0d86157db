namespace ConversationBot.Notifications.Campaigns;

/// <summary>Everything a store keeps of a <see cref="Campaign"/>; rebuild with <see cref="Campaign.Restore"/>.</summary>
public sealed record CampaignSnapshot(
    string Id,
    string TopicId,
    CampaignContent Content,
    DateTimeOffset CreatedAt,
    DateTimeOffset StartAt,
    DateTimeOffset? EndAt,
    string? ScheduleId,
    CampaignStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? FinishReason,
    string? Cursor,
    DeliveryCounts Counts,
    long? Audience,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset? ResumeAt,
    long Version);
