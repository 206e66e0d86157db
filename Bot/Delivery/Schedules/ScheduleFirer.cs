using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary>
/// Turns schedule occurrences into campaigns. Each occurrence has a fixed campaign id, so however
/// many instances fire it, the store creates it once. An occurrence missed by more than
/// <see cref="DeliveryHostOptions.MissedFiringGrace"/> (the bot was down) is not sent late.
/// </summary>
public sealed partial class ScheduleFirer(
    CampaignScheduleCatalog schedules,
    IScheduledContentSource contents,
    ICampaignStore campaigns,
    IOptions<DeliveryHostOptions> options,
    ILogger<ScheduleFirer> logger)
{
    /// <summary>Creates the campaign of each schedule's latest due occurrence; returns the ids it created.</summary>
    public async Task<IReadOnlyList<string>> FireDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        foreach (var schedule in schedules.All)
        {
            if (schedule.LatestOccurrence(now - options.Value.MissedFiringGrace, now) is not { } occurrence)
            {
                continue;
            }

            var id = CampaignIds.ForScheduleFiring(schedule.Id, occurrence);
            if (await campaigns.FindAsync(id, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var content = await contents.ContentForAsync(schedule, occurrence, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                LogNoContent(logger, schedule.Id, occurrence);
                continue;
            }

            var endAt = schedule.ValidFor is { } validFor ? occurrence + validFor : (DateTimeOffset?)null;
            if (endAt is { } end && end <= now)
            {
                continue;
            }

            var campaign = Campaign.Create(
                id, schedule.TopicId, content, null, occurrence, endAt, now, schedule.Id, schedule.LocalTime, schedule.IgnoresQuietHours);
            if (await campaigns.TryCreateAsync(campaign, cancellationToken).ConfigureAwait(false))
            {
                LogFired(logger, schedule.Id, occurrence, id);
                created.Add(id);
            }
        }

        return created;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId} fired for {Occurrence}: campaign {CampaignId}")]
    private static partial void LogFired(ILogger logger, string scheduleId, DateTimeOffset occurrence, string campaignId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId} had no content for {Occurrence}; nothing sent")]
    private static partial void LogNoContent(ILogger logger, string scheduleId, DateTimeOffset occurrence);
}
