using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary>Every firing says what the schedule's configuration says.</summary>
public sealed class ConfiguredScheduleContent : IScheduledContentSource
{
    public Task<LocalizedContent?> ContentForAsync(CampaignSchedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Task.FromResult<LocalizedContent?>(schedule.Localized);
    }
}
