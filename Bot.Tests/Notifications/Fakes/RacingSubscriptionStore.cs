using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

/// <summary>Bumps the stored version behind the caller's back before the first save, as a parallel webhook retry would.</summary>
public sealed class RacingSubscriptionStore(InMemorySubscriptionStore inner) : ISubscriptionStore
{
    public int SaveAttempts { get; private set; }

    public Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken) => inner.FindByTokenAsync(token, cancellationToken);

    public Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken) => inner.FindAsync(subscriptionId, cancellationToken);

    public Task<IReadOnlyList<Subscription>> ListByCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken) =>
        inner.ListByCustomerAsync(channelId, customerId, cancellationToken);

    public Task<SubscriberPage> ListActiveByTopicAsync(string topicId, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        inner.ListActiveByTopicAsync(topicId, continuation, pageSize, cancellationToken);

    public Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken) => inner.CountActiveByTopicAsync(topicId, cancellationToken);

    public Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken) =>
        SubscriptionStoreFakes.SaveEachAsync(subscriptions, TrySaveAsync, cancellationToken);

    public async Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        if (++SaveAttempts == 1)
        {
            var other = await inner.FindAsync(subscription.Id, cancellationToken);
            other!.RecordSent(subscription.OptedInAt.AddMinutes(1));
            await inner.TrySaveAsync(other, cancellationToken);
        }

        return await inner.TrySaveAsync(subscription, cancellationToken);
    }
}
