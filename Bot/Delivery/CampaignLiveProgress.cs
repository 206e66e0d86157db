using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery.Work;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// A campaign's progress as its work items tell it, for the admin API and the operator console: a running
/// campaign's counts live in its items until it completes (<see cref="CampaignProgress"/>). A campaign
/// that has not started has no items to read.
/// </summary>
public sealed class CampaignLiveProgress(ICampaignWorkStore work, TimeProvider clock)
{
    public async Task<CampaignProgress> OfAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var items = campaign.Audience is null ? [] : await work.ListAsync(campaign.Id, cancellationToken).ConfigureAwait(false);
        return CampaignProgress.Of(campaign, items, clock.GetUtcNow());
    }

    /// <summary>Only the counts: a completed campaign has folded its items' counts into its own, so its items are not read.</summary>
    public async Task<DeliveryCounts> CountsAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.Status == CampaignStatus.Completed
            ? campaign.Counts
            : (await OfAsync(campaign, cancellationToken).ConfigureAwait(false)).Counts;
    }
}
