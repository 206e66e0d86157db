using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>A subscription store that hands every call to <paramref name="inner"/>: the tests' decorators override only the call they change.</summary>
public abstract class ForwardingSubscriptionStore(ISubscriptionStore inner) : ISubscriptionStore
{
    protected ISubscriptionStore Inner => inner;

    public virtual Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken) => inner.FindByTokenAsync(token, cancellationToken);

    public virtual Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken) => inner.FindAsync(subscriptionId, cancellationToken);

    public virtual Task<IReadOnlyList<Subscription>> ListByCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken) =>
        inner.ListByCustomerAsync(channelId, customerId, cancellationToken);

    public virtual Task<SubscriberPage> ListActiveByTopicAsync(string topicId, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        inner.ListActiveByTopicAsync(topicId, continuation, pageSize, cancellationToken);

    public virtual Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken) => inner.CountActiveByTopicAsync(topicId, cancellationToken);

    public virtual Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken) => inner.TrySaveAsync(subscription, cancellationToken);

    public virtual Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken) =>
        inner.TrySaveManyAsync(subscriptions, cancellationToken);
}
