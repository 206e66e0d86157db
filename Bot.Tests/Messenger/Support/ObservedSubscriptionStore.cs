using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger.Support;

/// <summary>
/// The host's subscription store, watched: how often the consent path read or wrote it, and a
/// switch that makes every call fail as a broken store (or a bug below it) does.
/// </summary>
public sealed class ObservedSubscriptionStore(ISubscriptionStore inner) : ISubscriptionStore
{
    private int _calls;

    /// <summary>Every call of the consent path (reads by token or customer, saves).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, every call throws it.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Registers the store the host would build, wrapped, as the host's ISubscriptionStore; the wrapper is resolvable as itself.</summary>
    public static void Around<TInner>(IServiceCollection services)
        where TInner : class, ISubscriptionStore
    {
        services.AddSingleton(provider => new ObservedSubscriptionStore(ActivatorUtilities.CreateInstance<TInner>(provider)));
        services.AddSingleton<ISubscriptionStore>(provider => provider.GetRequiredService<ObservedSubscriptionStore>());
    }

    public Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken) => Observe(() => inner.FindByTokenAsync(token, cancellationToken));

    public Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken) => Observe(() => inner.FindAsync(subscriptionId, cancellationToken));

    public Task<IReadOnlyList<Subscription>> ListByCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken) =>
        Observe(() => inner.ListByCustomerAsync(channelId, customerId, cancellationToken));

    public Task<SubscriberPage> ListActiveByTopicAsync(string topicId, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        inner.ListActiveByTopicAsync(topicId, continuation, pageSize, cancellationToken);

    public Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken) => inner.CountActiveByTopicAsync(topicId, cancellationToken);

    public Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken) => Observe(() => inner.TrySaveAsync(subscription, cancellationToken));

    public Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken) =>
        inner.TrySaveManyAsync(subscriptions, cancellationToken);

    private Task<T> Observe<T>(Func<Task<T>> call)
    {
        Interlocked.Increment(ref _calls);
        return Failure is { } failure ? Task.FromException<T>(failure) : call();
    }
}
