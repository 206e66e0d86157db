using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>
/// Lets one call at a time into a store. The in-memory fake is a plain dictionary written by the
/// domain tests from one thread; the contract suite saves from 20 threads at once, and this is what
/// makes the fake's check-then-write atomic, as a real store's is.
/// </summary>
public sealed class SerializedSubscriptionStore(ISubscriptionStore inner) : ISubscriptionStore
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => inner.FindByTokenAsync(token, cancellationToken));

    public Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => inner.FindAsync(subscriptionId, cancellationToken));

    public Task<IReadOnlyList<Subscription>> ListByCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => inner.ListByCustomerAsync(channelId, customerId, cancellationToken));

    public Task<SubscriberPage> ListActiveByTopicAsync(string topicId, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => inner.ListActiveByTopicAsync(topicId, continuation, pageSize, cancellationToken));

    public Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => inner.CountActiveByTopicAsync(topicId, cancellationToken));

    public Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => inner.TrySaveManyAsync(subscriptions, cancellationToken));

    public Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => inner.TrySaveAsync(subscription, cancellationToken));

    private async Task<T> OneAtATimeAsync<T>(Func<Task<T>> call)
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }
}
