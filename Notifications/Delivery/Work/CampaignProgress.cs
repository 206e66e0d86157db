using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Notifications.Delivery.Work;

/// <summary>
/// A campaign's progress as its work items tell it: the counts so far over every pass (the campaign's own
/// until it completes and folds the items' counts in), who waits for a later pass (the current pass's
/// items', or between passes what the last pass found), who is left, and each instance's share: the items
/// it finished and whether it holds one now.
/// </summary>
public sealed record CampaignProgress(
    DeliveryCounts Counts, long? Left, int Items, int ItemsDone, IReadOnlyList<InstanceShare> Instances, long Waiting = 0, DateTimeOffset? NextWaveAt = null)
{
    public static CampaignProgress Of(Campaign campaign, IReadOnlyList<CampaignWorkItem> items, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(items);
        var fromItems = items.Aggregate(default(DeliveryCounts), (sum, i) => sum + i.Counts);
        var counts = campaign.Status == CampaignStatus.Completed ? campaign.Counts : campaign.Counts + fromItems;
        var (waiting, nextWaveAt) = WaitingOf(campaign, items);
        var left = campaign.IsFinished ? 0 : campaign.Audience is { } audience ? Math.Max(0, audience - counts.Total - waiting) : (long?)null;
        var owners = items.Select(i => i.FinishedBy)
            .Concat(items.Where(i => !i.IsDone && i.Owner is not null && i.HoldsLease(i.Owner, now)).Select(i => i.Owner))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        var total = Math.Max(1, fromItems.Total);
        var shares = owners
            .Select(owner =>
            {
                var finished = items.Where(i => i.FinishedBy == owner).ToList();
                var worked = finished.Aggregate(default(DeliveryCounts), (sum, i) => sum + i.Counts);
                return new InstanceShare(owner, worked, finished.Count, items.Any(i => !i.IsDone && i.Owner == owner && i.HoldsLease(owner, now)), (double)worked.Total / total);
            })
            .OrderByDescending(s => s.Counts.Total)
            .ToList();
        return new CampaignProgress(counts, left, items.Count, items.Count(i => i.IsDone), shares, waiting, nextWaveAt);
    }

    private static (long Waiting, DateTimeOffset? NextWaveAt) WaitingOf(Campaign campaign, IReadOnlyList<CampaignWorkItem> items)
    {
        if (campaign.IsFinished)
        {
            return (0, null);
        }

        var pass = items.Where(i => i.Pass == campaign.Pass).ToList();
        if (pass.Count == 0)
        {
            // Put off until the next wave, whose items do not exist yet: the campaign kept what the last pass found.
            return (campaign.Waiting, campaign.NextWaveAt);
        }

        var next = pass.Select(i => i.NextDueAt).Where(at => at is not null).DefaultIfEmpty(null).Min();
        return (pass.Sum(i => i.Waiting), next);
    }
}
