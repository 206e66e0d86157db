using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// A campaign as the admin API shows it, with its progress. <see cref="Text"/>, <see cref="ImageUrl"/> and
/// <see cref="Buttons"/> are the default language's version; <see cref="Content"/> has every version by
/// language (absent for a campaign created before languages), <see cref="Segment"/> the audience filter.
/// </summary>
public sealed record CampaignView(
    string Id,
    string Topic,
    string Status,
    string Text,
    string? ImageUrl,
    IReadOnlyList<CampaignButton> Buttons,
    DateTimeOffset CreatedAt,
    DateTimeOffset StartAt,
    DateTimeOffset? EndAt,
    string? ScheduleId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? FinishReason,
    DateTimeOffset? ResumeAt,
    string? LeaseOwner,
    CampaignProgressView Progress,
    string? DefaultLanguage,
    IReadOnlyDictionary<string, CampaignContent>? Content,
    CampaignSegment? Segment,
    string? LocalTime,
    DateOnly? LocalDate,
    bool IgnoresQuietHours)
{
    public static CampaignView Of(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new(
            campaign.Id,
            campaign.TopicId,
            campaign.Status.ToString(),
            campaign.Content.Text,
            campaign.Content.ImageUrl?.AbsoluteUri,
            campaign.Content.Buttons,
            campaign.CreatedAt,
            campaign.StartAt,
            campaign.EndAt,
            campaign.ScheduleId,
            campaign.StartedAt,
            campaign.FinishedAt,
            campaign.FinishReason,
            campaign.ResumeAt,
            campaign.LeaseOwner,
            new CampaignProgressView(campaign.Counts.Sent, campaign.Counts.Skipped, campaign.Counts.Failed, campaign.Left, campaign.Audience,
                campaign.IsFinished ? 0 : campaign.Waiting, campaign.IsFinished ? null : campaign.NextWaveAt),
            campaign.Localized?.DefaultLanguage,
            campaign.Localized?.Versions,
            campaign.Segment.IsEveryone ? null : campaign.Segment,
            campaign.LocalTime?.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            campaign.LocalTime?.Date,
            campaign.IgnoresQuietHours);
    }
}
