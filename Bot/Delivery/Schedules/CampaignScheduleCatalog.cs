using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Topics;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary>The configured schedules, built from settings checked at start-up (<see cref="SchedulesOptionsValidation"/>: a bad schedule stops the host with the setting named).</summary>
public sealed class CampaignScheduleCatalog
{
    public CampaignScheduleCatalog(IOptions<SchedulesOptions> options, TopicCatalog topics, SubscriberLanguages languages)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(topics);
        var built = new List<CampaignSchedule>();
        foreach (var (id, schedule) in options.Value.Schedules.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // Settings that passed their check always build; one that did not never got this far.
            if (CampaignSchedule.From(id, schedule, topic => topics.TryGet(topic, out _), languages).Schedule is { } result)
            {
                built.Add(result);
            }
        }

        All = built;
    }

    public IReadOnlyList<CampaignSchedule> All { get; }
}
