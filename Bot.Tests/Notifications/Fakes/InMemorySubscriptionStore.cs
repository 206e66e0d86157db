using System.Globalization;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>A test fake of the port: snapshots in a dictionary, the same optimistic concurrency contract.</summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly Dictionary<string, SubscriptionSnapshot> _rows = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SubscriptionSnapshot> Rows => _rows.Values;

    public Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.Values.Where(r => r.Token == token).Select(Subscription.Restore).FirstOrDefault());

    public Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue(subscriptionId, out var row) ? Subscription.Restore(row) : null);

    public Task<IReadOnlyList<Subscription>> ListByCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Subscription>>(_rows.Values
            .Where(r => string.Equals(r.ChannelId, channelId, StringComparison.OrdinalIgnoreCase) && r.CustomerId == customerId)
            .Select(Subscription.Restore)
            .ToList());

    public Task<SubscriberPage> ListActiveByTopicAsync(string topicId, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var skip = continuation is null ? 0 : int.Parse(continuation, CultureInfo.InvariantCulture);
        var active = _rows.Values
            .Where(r => r.TopicId == topicId && r.Status == SubscriptionStatus.Active)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var page = active.Skip(skip).Take(pageSize).Select(Subscription.Restore).ToList();
        var next = skip + page.Count < active.Count ? (skip + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new SubscriberPage(page, next));
    }

    public Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken) =>
        Task.FromResult((long)_rows.Values.Count(r => r.TopicId == topicId && r.Status == SubscriptionStatus.Active));

    public Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken) =>
        SubscriptionStoreFakes.SaveEachAsync(subscriptions, TrySaveAsync, cancellationToken);

    public Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var snapshot = subscription.ToSnapshot();
        var storedVersion = _rows.TryGetValue(snapshot.Id, out var stored) ? stored.Version : 0;
        if (storedVersion != snapshot.Version)
        {
            return Task.FromResult(false);
        }

        _rows[snapshot.Id] = snapshot with { Version = storedVersion + 1 };
        return Task.FromResult(true);
    }
}
