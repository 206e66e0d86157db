using ConversationBot.Notifications.Timing;

namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// A campaign as an operator asks for it, before it exists: what the admin API creates, and what its
/// preview shows without sending (Bot/Admin/CampaignEndpoints.cs). Checked once, by
/// <see cref="CampaignService.Validate"/>, for both. <see cref="IsPlain"/>: given in the single-language
/// form (<c>text</c>, <c>imageUrl</c>, <c>buttons</c>), whose errors name those fields rather than <c>content.en...</c>.
/// <see cref="LocalTime"/>: each subscriber at that time in their zone; <see cref="IgnoresQuietHours"/>: the
/// operator's explicit choice to send inside the subscribers' quiet hours; <see cref="WithoutMarketingMessages"/>: the
/// operator's explicit choice to send to the others when some subscribers only unconfigured Marketing Messages could
/// reach (<see cref="CampaignReachRule"/>).
/// </summary>
public sealed record CampaignDraft(
    string? TopicId,
    LocalizedContent Content,
    CampaignSegment Segment,
    DateTimeOffset? SendAt,
    DateTimeOffset? EndAt,
    bool IsPlain = false,
    LocalSendTime? LocalTime = null,
    bool IgnoresQuietHours = false,
    long? Budget = null,
    bool WithoutMarketingMessages = false);
