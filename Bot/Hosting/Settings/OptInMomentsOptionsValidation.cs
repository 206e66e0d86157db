using ConversationBot.Dialogs.OptIns;
using ConversationBot.Notifications;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Hosting.Settings;

/// <summary>Which topic fits which moment: each one named must be a configured topic (empty: no offer at that moment).</summary>
public sealed class OptInMomentsOptionsValidation(IOptions<NotificationsOptions> notifications) : SettingsValidator<OptInMomentsOptions>(OptInMomentsOptions.SectionName)
{
    protected override IEnumerable<string> Problems(OptInMomentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var topics = notifications.Value.Topics;
        foreach (var (name, topic) in new[] { (nameof(OptInMomentsOptions.AfterOrderStatus), options.AfterOrderStatus), (nameof(OptInMomentsOptions.AfterOffers), options.AfterOffers) })
        {
            if (!string.IsNullOrWhiteSpace(topic) && !topics.ContainsKey(topic))
            {
                yield return $"{OptInMomentsOptions.SectionName}:{name} names the topic '{topic}', which is not in Notifications:Topics ({string.Join(", ", topics.Keys)}).";
            }
        }
    }
}
