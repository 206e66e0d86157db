using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery.Work;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// A campaign as the admin API shows it, with its progress. <see cref="Text"/>, <see cref="ImageUrl"/> and
/// <see cref="Buttons"/> are the default language's version; <see cref="Content"/> has every version by
/// language (absent for a campaign created before languages), <see cref="Segment"/> the audience filter.
/// <see cref="Products"/>: the report per product (docs/marketing-messages.md, "The report"), on a single campaign's view only.
/// <see cref="HeldReason"/>: why a send's answer holds it until <see cref="ResumeAt"/> (e.g. its Marketing Messages budget is spent).
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
    bool IgnoresQuietHours,
    IReadOnlyList<ProductFiguresView>? Products = null,
    long? Budget = null,
    string? HeldReason = null)
{
    /// <summary>The campaign with its progress from its work items (none before it starts; a completed one holds their counts itself).</summary>
    public static CampaignView Of(Campaign campaign, IReadOnlyList<CampaignWorkItem> items, DateTimeOffset now)
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
            CampaignProgressView.Of(campaign.Audience, CampaignProgress.Of(campaign, items, now)),
            campaign.Localized?.DefaultLanguage,
            campaign.Localized?.Versions,
            campaign.Segment.IsEveryone ? null : campaign.Segment,
            campaign.LocalTime?.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            campaign.LocalTime?.Date,
            campaign.IgnoresQuietHours,
            Budget: campaign.Budget,
            HeldReason: campaign.HeldReasonAt(now));
    }
}
