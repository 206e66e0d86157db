namespace ConversationBot.Notifications.Products.Unsubscribes;

/// <summary>The unsubscribes Meta has not yet taken (<see cref="MetaUnsubscribe"/>), durable across restarts.</summary>
public interface IMetaUnsubscribeOutbox
{
    /// <summary>Adds one unless its id is known (pending or done); true when it was new.</summary>
    Task<bool> AddAsync(MetaUnsubscribe unsubscribe, CancellationToken cancellationToken);

    /// <summary>Pending ones due at <paramref name="now"/>, oldest due first.</summary>
    Task<IReadOnlyList<MetaUnsubscribe>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Replaces the stored one of the same id (an attempt's outcome).</summary>
    Task SaveAsync(MetaUnsubscribe unsubscribe, CancellationToken cancellationToken);

    /// <summary>One by id, pending or done; <c>null</c> when unknown.</summary>
    Task<MetaUnsubscribe?> FindAsync(string id, CancellationToken cancellationToken);
}
