namespace ConversationBot.Notifications.Funnel;

/// <summary>
/// The funnel's counters (per entry and UTC day, a fixed-size record each, so a busy day costs no more
/// storage than a quiet one) and the attributions that tie a customer, and a customer's subscription to
/// a topic, to the entry they came in through.
/// </summary>
public interface IFunnelStore
{
    /// <summary>Adds one to <paramref name="stage"/> of <paramref name="entry"/> on the UTC day of <paramref name="at"/>.</summary>
    Task IncrementAsync(string entry, FunnelStage stage, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every entry counted on the UTC days from <paramref name="firstDay"/> to <paramref name="lastDay"/> (both included), summed, ordered by entry.</summary>
    Task<IReadOnlyList<FunnelCounts>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);

    /// <summary>The customer's attribution (<paramref name="topicId"/> null), or their opt-in's to <paramref name="topicId"/>; null when there is none.</summary>
    Task<FunnelAttribution?> FindAsync(string channelId, string customerId, string? topicId, CancellationToken cancellationToken);

    /// <summary>Replaces the customer's attribution (<paramref name="topicId"/> null) or their opt-in's to <paramref name="topicId"/>.</summary>
    Task SaveAsync(string channelId, string customerId, string? topicId, FunnelAttribution attribution, CancellationToken cancellationToken);
}
