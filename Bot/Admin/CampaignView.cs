using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Admin;

/// <summary>A campaign as the admin API shows it, with its progress.</summary>
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
    CampaignProgressView Progress)
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
            new CampaignProgressView(campaign.Counts.Sent, campaign.Counts.Skipped, campaign.Counts.Failed, campaign.Left, campaign.Audience));
    }
}
