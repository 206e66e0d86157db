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
/// platform profile in force cannot keep; the funnel by source over
/// the last 30 days; the latest campaigns with their progress. Every figure is a counter the bot keeps
/// as it works (subscriber counts per topic, stop-rate hours, funnel days, campaign counts), never a
/// scan of subscriptions.
/// </summary>
public sealed class IndexModel(
    TopicCatalog topics,
    PlatformProfile profile,
    IOptions<NotificationsOptions> notifications,
    ISubscriptionStore subscriptions,
    OptInOfferService offers,
    IFunnelStore funnel,
    ICampaignStore campaigns,
    TimeProvider clock) : PageModel
{
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
    }
}
