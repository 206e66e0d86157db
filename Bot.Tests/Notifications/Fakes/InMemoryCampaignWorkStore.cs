using ConversationBot.Notifications.Delivery.Work;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>A test fake of the work item port: snapshots under a lock, the same optimistic concurrency contract.</summary>
public sealed class InMemoryCampaignWorkStore : ICampaignWorkStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, CampaignWorkItemSnapshot> _rows = new(StringComparer.Ordinal);

    /// <summary>Every item of every campaign, as stored.</summary>
    public IReadOnlyList<CampaignWorkItem> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _rows.Values.Select(CampaignWorkItem.Restore)];
            }
        }
    }

    public Task<bool> TryCreateAsync(CampaignWorkItem item, CancellationToken cancellationToken)
    {
        var s = item.ToSnapshot();
        lock (_lock)
        {
            return Task.FromResult(_rows.TryAdd(item.Id, s with { Version = 1 }));
        }
    }

    public Task<IReadOnlyList<CampaignWorkItem>> ListAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<CampaignWorkItem>>([.. _rows.Values.Where(r => r.CampaignId == campaignId).OrderBy(r => r.Index).Select(CampaignWorkItem.Restore)]);
        }
    }

    public Task<CampaignWorkItem?> FindAsync(string campaignId, int index, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.TryGetValue(CampaignWorkItem.IdFor(campaignId, index), out var row) ? CampaignWorkItem.Restore(row) : null);
        }
    }

    public Task<bool> TrySaveAsync(CampaignWorkItem item, CancellationToken cancellationToken)
    {
        var s = item.ToSnapshot();
        lock (_lock)
        {
            if (!_rows.TryGetValue(item.Id, out var stored) || stored.Version != s.Version)
            {
                return Task.FromResult(false);
            }

            _rows[item.Id] = s with { Version = s.Version + 1 };
            return Task.FromResult(true);
        }
    }
}
