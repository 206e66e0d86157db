namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// Everything a store keeps of a <see cref="Campaign"/>; rebuild with <see cref="Campaign.Restore"/>.
/// The members after <see cref="Version"/> came with issue 18 and are optional, so a campaign stored
/// before them reads as one language for everyone (<see cref="Content"/>) to the whole topic, and one
/// stored before passes on work items as in its first pass (<see cref="Pass"/> 0).
/// </summary>
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
    long Version,
    LocalizedContent? Localized = null,
    CampaignSegment? Segment = null,
    Timing.LocalSendTime? LocalTime = null,
    bool IgnoresQuietHours = false,
    DateTimeOffset? WaveFrom = null,
    DateTimeOffset? WaveUntil = null,
    long Waiting = 0,
    DateTimeOffset? NextWaveAt = null,
    int Pass = 0,
    long? Budget = null,
    string? HeldReason = null);
