using ConversationBot.Bot.Funnel;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages;

/// <summary>
/// The overview: per topic its active subscribers and the stop-rate guard; the funnel by source over
/// the last 30 days; the latest campaigns with their progress. Every figure is a counter the bot keeps
/// as it works (subscriber counts per topic, stop-rate hours, funnel days, campaign counts), never a
/// scan of subscriptions.
/// </summary>
public sealed class IndexModel(
    TopicCatalog topics, ISubscriptionStore subscriptions, OptInOfferService offers, IFunnelStore funnel, ICampaignStore campaigns, TimeProvider clock) : PageModel
{
    public const int FunnelDays = 30;
    public const int CampaignCount = 20;

    public IReadOnlyList<(Topic Topic, long Active, StopRateStatus StopRate)> Topics { get; private set; } = [];

    public FunnelView Funnel { get; private set; } = null!;

    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

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
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = today.AddDays(1 - FunnelDays);
        var counts = await funnel.ReadAsync(first, today, cancellationToken).ConfigureAwait(false);
        Funnel = new FunnelView(first, today, [.. counts.Select(FunnelEntryView.Of)]);
        Campaigns = (await campaigns.ListAsync(null, null, CampaignCount, cancellationToken).ConfigureAwait(false)).Campaigns;
    }
}
