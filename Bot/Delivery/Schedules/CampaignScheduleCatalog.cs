using ConversationBot.Notifications.Topics;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary>The configured schedules, validated once at start-up (a bad schedule stops the host with the setting named).</summary>
public sealed class CampaignScheduleCatalog
{
    public CampaignScheduleCatalog(IOptions<SchedulesOptions> options, TopicCatalog topics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(topics);
        var built = new List<CampaignSchedule>();
        var problems = new List<string>();
        foreach (var (id, schedule) in options.Value.Schedules.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (result, errors) = CampaignSchedule.From(id, schedule, topic => topics.TryGet(topic, out _));
            problems.AddRange(errors);
            if (result is not null)
            {
                built.Add(result);
            }
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException("Delivery:Schedules", typeof(SchedulesOptions), problems);
        }

        All = built;
    }

    public IReadOnlyList<CampaignSchedule> All { get; }
}
