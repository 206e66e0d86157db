using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Notifications.Delivery.Work;

/// <summary>
/// A campaign's progress as its work items tell it: the counts so far (the campaign's own until it
/// completes and folds the items' counts in), who is left, and each instance's share: the items it
/// finished and whether it holds one now.
/// </summary>
public sealed record CampaignProgress(DeliveryCounts Counts, long? Left, int Items, int ItemsDone, IReadOnlyList<InstanceShare> Instances)
{
    public static CampaignProgress Of(Campaign campaign, IReadOnlyList<CampaignWorkItem> items, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(items);
        var fromItems = items.Aggregate(default(DeliveryCounts), (sum, i) => sum + i.Counts);
        var counts = campaign.Status == CampaignStatus.Completed ? campaign.Counts : campaign.Counts + fromItems;
        var left = campaign.IsFinished ? 0 : campaign.Audience is { } audience ? Math.Max(0, audience - counts.Total) : (long?)null;
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
        return new CampaignProgress(counts, left, items.Count, items.Count(i => i.IsDone), shares);
    }
}
