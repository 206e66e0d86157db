using ConversationBot.Bot.Hosting;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Delivery.Schedules;

/// <summary>The configured schedules: a known topic, a five-field cron, a real time zone and content each, every problem named by its key.</summary>
public sealed class SchedulesOptionsValidation(TopicCatalog topics, SubscriberLanguages languages) : SettingsValidator<SchedulesOptions>(DeliveryHostOptions.SectionName)
{
    protected override IEnumerable<string> Problems(SchedulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Schedules
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => CampaignSchedule.From(p.Key, p.Value, topic => topics.TryGet(topic, out _), languages).Problems);
    }
}
