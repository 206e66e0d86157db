using ConversationBot.Notifications.Activity;
using ConversationBot.Bot.Funnel;
using ConversationBot.Notifications;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.OperatorConsole.Pages;

/// <summary>
/// The overview: per topic its active subscribers and the stop-rate guard, and the promises the
/// platform profile in force cannot keep; per topic over the last 30 days the opt-in offers, acceptances,
/// declines and stops with their rates, and the campaign messages per day by outcome; the funnel by source over
/// the last 30 days; the latest campaigns with their progress. Every figure is a counter the bot keeps
/// as it works (subscriber counts per topic, stop-rate hours, topic days, funnel days, campaign counts), never a
/// scan of subscriptions.
/// </summary>
public sealed class IndexModel(
    TopicCatalog topics,
    PlatformProfile profile,
    IOptions<NotificationsOptions> notifications,
    ISubscriptionStore subscriptions,
    OptInOfferService offers,
    IFunnelStore funnel,
    TopicActivity activity,
    ICampaignStore campaigns,
    TimeProvider clock) : PageModel
{
    /// <summary>The days the topics' opt-in figures and the deliveries chart cover, up to today (UTC).</summary>
    public const int ActivityDays = 30;

    /// <summary>Per topic, the last <see cref="ActivityDays"/> days summed: offers, acceptances, declines, stops, messages.</summary>
    public IReadOnlyDictionary<string, TopicDayCounts> TopicTotals { get; private set; } = new Dictionary<string, TopicDayCounts>();

    /// <summary>Every day of the period, oldest first, all topics together.</summary>
    public IReadOnlyList<(DateOnly Day, TopicDayCounts Counts)> Days { get; private set; } = [];

    public const int CampaignCount = 20;

    public IReadOnlyList<(Topic Topic, long Active, StopRateStatus StopRate)> Topics { get; private set; } = [];

    public FunnelView Funnel { get; private set; } = null!;

    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    /// <summary>What the start-up check warns about (Notifications/Profiles/ProfileCompatibilityCheck.cs): promises the rules in force cannot keep.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public string ProfileName => profile.Name;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = new List<(Topic, long, StopRateStatus)>();
        foreach (var topic in topics.Topics.Where(t => t.Id != Topic.UnknownId))
        {
            rows.Add((
                topic,
                await subscriptions.CountActiveByTopicAsync(topic.Id, cancellationToken).ConfigureAwait(false),
                await offers.StopRateAsync(topic.Id, cancellationToken).ConfigureAwait(false)));
        }

        Topics = rows;
        Warnings = [.. ProfileCompatibilityCheck.Warnings(topics, profile, notifications.Value.Region)];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Funnel = await FunnelView.ReadAsync(funnel, today.AddDays(1 - FunnelView.DefaultDays), today, cancellationToken).ConfigureAwait(false);
        Campaigns = (await campaigns.ListAsync(null, null, CampaignCount, cancellationToken).ConfigureAwait(false)).Campaigns;
        var topicDays = await activity.ReadLastAsync(ActivityDays, cancellationToken).ConfigureAwait(false);
        TopicTotals = topicDays.GroupBy(d => d.TopicId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(default(TopicDayCounts), (sum, d) => sum.Plus(d.Counts)), StringComparer.Ordinal);
        var byDay = topicDays.GroupBy(d => d.Day).ToDictionary(g => g.Key, g => g.Aggregate(default(TopicDayCounts), (sum, d) => sum.Plus(d.Counts)));
        Days = [.. Enumerable.Range(0, ActivityDays).Select(i => today.AddDays(i + 1 - ActivityDays)).Select(day => (day, byDay.GetValueOrDefault(day)))];
    }
}
