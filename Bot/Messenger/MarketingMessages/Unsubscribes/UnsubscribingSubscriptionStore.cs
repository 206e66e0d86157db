using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Unsubscribes;

/// <summary>
/// The subscription store with one addition: a stopped Messenger subscription's unsubscribe goes into the outbox
/// before the stop is saved (<see cref="MetaUnsubscribes.StoppedAsync"/>). Every way a subscription stops (Meta's
/// stop event, a typed stop, the card, a send refused with 2300034) ends in a save here, so none is missed; and
/// intent before act means a crash between the two loses nothing: at worst Meta is told of a stop whose save is
/// then tried again (the webhook's event runs again, the campaign page is worked again).
/// </summary>
public sealed class UnsubscribingSubscriptionStore(ISubscriptionStore inner, MetaUnsubscribes unsubscribes) : ISubscriptionStore
{
    public Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken) => inner.FindByTokenAsync(token, cancellationToken);

    public Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken) => inner.FindAsync(subscriptionId, cancellationToken);

    public Task<IReadOnlyList<Subscription>> ListByCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken) =>
        inner.ListByCustomerAsync(channelId, customerId, cancellationToken);

    public Task<SubscriberPage> ListActiveByTopicAsync(string topicId, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        inner.ListActiveByTopicAsync(topicId, continuation, pageSize, cancellationToken);

    public Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken) => inner.CountActiveByTopicAsync(topicId, cancellationToken);

    public async Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await unsubscribes.StoppedAsync([subscription], cancellationToken).ConfigureAwait(false);
        return await inner.TrySaveAsync(subscription, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        await unsubscribes.StoppedAsync(subscriptions, cancellationToken).ConfigureAwait(false);
        return await inner.TrySaveManyAsync(subscriptions, cancellationToken).ConfigureAwait(false);
    }
}
