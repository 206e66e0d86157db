using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>A test fake of the campaign port: snapshots under a lock, the same optimistic concurrency contract.</summary>
public sealed class InMemoryCampaignStore : ICampaignStore
{
    private readonly object _lock = new();
    private readonly SortedDictionary<string, CampaignSnapshot> _rows = new(StringComparer.Ordinal);

    public Task<bool> TryCreateAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var s = campaign.ToSnapshot();
        lock (_lock)
        {
            return Task.FromResult(_rows.TryAdd(s.Id, s with { Version = 1 }));
        }
    }

    public Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.TryGetValue(campaignId, out var row) ? Campaign.Restore(row) : null);
        }
    }

    public Task<bool> TrySaveAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var s = campaign.ToSnapshot();
        if (s.Version == 0)
        {
            return TryCreateAsync(campaign, cancellationToken);
        }

        lock (_lock)
        {
            if (!_rows.TryGetValue(s.Id, out var stored) || stored.Version != s.Version)
            {
                return Task.FromResult(false);
            }

            _rows[s.Id] = s with { Version = s.Version + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Campaign>> ListUnfinishedAsync(DateTimeOffset startedBy, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Campaign>>(_rows.Values
                .Where(r => r.Status is CampaignStatus.Scheduled or CampaignStatus.Running && r.StartAt <= startedBy)
                .Take(max)
                .Select(Campaign.Restore)
                .ToList());
        }
    }

    public Task<CampaignPage> ListAsync(CampaignStatus? status, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var rows = _rows.Values
                .Where(r => (status is null || r.Status == status) && string.CompareOrdinal(r.Id, continuation ?? string.Empty) > 0)
                .Take(pageSize + 1)
                .Select(Campaign.Restore)
                .ToList();
            return Task.FromResult(rows.Count <= pageSize ? new CampaignPage(rows, null) : new CampaignPage(rows[..pageSize], rows[pageSize - 1].Id));
        }
    }
}
