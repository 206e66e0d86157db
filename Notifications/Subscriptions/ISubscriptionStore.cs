namespace ConversationBot.Notifications.Subscriptions;

/// <summary>
/// Where subscriptions live (SQLite, Cosmos DB in <c>Bot/</c>). Implementations store
/// <see cref="Subscription.ToSnapshot"/> and rebuild with <see cref="Subscription.Restore"/>.
/// </summary>
public interface ISubscriptionStore
{
    /// <summary>The subscription holding this Messenger token, in any status.</summary>
    Task<Subscription?> FindByTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>The subscription with this <see cref="Subscription.Id"/> (see <see cref="Subscription.IdFor"/>).</summary>
    Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>All of one customer's subscriptions on one channel, in any status ("My notifications", title matching).</summary>
    Task<IReadOnlyList<Subscription>> ListByCustomerAsync(string channelId, string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of a topic's <see cref="SubscriptionStatus.Active"/> subscriptions, in a stable order,
    /// for a campaign's fan-out. Pass the previous page's continuation, or <c>null</c> to start.
    /// </summary>
    Task<SubscriberPage> ListActiveByTopicAsync(string topicId, string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>How many <see cref="SubscriptionStatus.Active"/> subscriptions a topic has (for the admin API and a campaign's audience).</summary>
    Task<long> CountActiveByTopicAsync(string topicId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves with optimistic concurrency: succeeds only when the stored version still equals
    /// <see cref="Subscription.Version"/> (0 = must not exist yet), then stores version + 1.
    /// Returns false on a conflict: reload, re-apply, save again.
    /// </summary>
    Task<bool> TrySaveAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TrySaveAsync"/> for many subscriptions (a campaign page's sends), each on its own:
    /// returns the ids that conflicted, which the caller reloads and retries.
    /// </summary>
    Task<IReadOnlyCollection<string>> TrySaveManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken);
}
