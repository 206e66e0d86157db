using ConversationBot.Notifications.Delivery;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>A test fake of the delivery port: records by (campaign, subscription) under a lock.</summary>
public sealed class InMemoryDeliveryStore : IDeliveryStore
{
    private readonly object _lock = new();
    private readonly SortedDictionary<(string Campaign, string Subscription), DeliveryRecord> _rows = new(KeyOrder.Instance);

    public IReadOnlyList<DeliveryRecord> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _rows.Values];
            }
        }
    }

    public Task<IReadOnlyDictionary<string, DeliveryRecord>> FindManyAsync(string campaignId, IReadOnlyCollection<string> subscriptionIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var found = new Dictionary<string, DeliveryRecord>(StringComparer.Ordinal);
            foreach (var id in subscriptionIds)
            {
                if (_rows.TryGetValue((campaignId, id), out var record))
                {
                    found[id] = record;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, DeliveryRecord>>(found);
        }
    }

    public Task RecordOutcomesAsync(IReadOnlyList<DeliveryRecord> outcomes, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var outcome in outcomes)
            {
                var key = (outcome.CampaignId, outcome.SubscriptionId);
                if (!_rows.TryGetValue(key, out var stored) || stored.State != DeliveryState.Sent)
                {
                    _rows[key] = outcome;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<DeliveryPage> ListAsync(string campaignId, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var rows = _rows.Values
                .Where(r => r.CampaignId == campaignId && string.CompareOrdinal(r.SubscriptionId, continuation ?? string.Empty) > 0)
                .Take(pageSize + 1)
                .ToList();
            return Task.FromResult(rows.Count <= pageSize ? new DeliveryPage(rows, null) : new DeliveryPage(rows[..pageSize], rows[pageSize - 1].SubscriptionId));
        }
    }

    private sealed class KeyOrder : IComparer<(string Campaign, string Subscription)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((string Campaign, string Subscription) x, (string Campaign, string Subscription) y)
        {
            var byCampaign = string.CompareOrdinal(x.Campaign, y.Campaign);
            return byCampaign != 0 ? byCampaign : string.CompareOrdinal(x.Subscription, y.Subscription);
        }
    }
}
