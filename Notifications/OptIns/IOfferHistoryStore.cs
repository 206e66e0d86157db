namespace ConversationBot.Notifications.OptIns;

/// <summary>Per (channel, customer): the opt-in requests we sent and the declines we got.</summary>
public interface IOfferHistoryStore
{
    /// <summary>The history, or <see cref="OfferHistory.Empty"/>. Implementations may drop records older than the longest cooldown.</summary>
    Task<OfferHistory> GetAsync(string channelId, string customerId, CancellationToken cancellationToken);

    Task RecordRequestAsync(string channelId, string customerId, OptInRequestRecord request, CancellationToken cancellationToken);

    Task RecordDeclineAsync(string channelId, string customerId, OptInDeclineRecord decline, CancellationToken cancellationToken);

    /// <summary>No more offers to this customer until <paramref name="until"/> (the platform said "too many requests").</summary>
    Task BlockOffersUntilAsync(string channelId, string customerId, DateTimeOffset until, CancellationToken cancellationToken);
}
