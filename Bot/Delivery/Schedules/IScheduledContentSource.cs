using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary>
/// Where a schedule's firing gets its message. The configured text is the one built in; a shop
/// system (this week's deals from the catalogue) can replace it. <c>null</c> skips the firing. The
/// message comes per language (<see cref="LocalizedContent.OneLanguage"/> for a source with one).
/// </summary>
public interface IScheduledContentSource
{
    Task<LocalizedContent?> ContentForAsync(CampaignSchedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken);
}
