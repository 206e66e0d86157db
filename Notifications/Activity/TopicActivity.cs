namespace ConversationBot.Notifications.Activity;

/// <summary>
/// Counts what happens to each topic, per UTC day, where it happens: an offer shown (Dialogs/OptIns/OptInOfferSender.cs),
/// an acceptance that made a new subscriber, a decline, a stop (<see cref="Consent.ConsentService"/>), a campaign
/// page's outcomes once its work item is finished (<see cref="Delivery.CampaignRunner"/>). The day is the
/// instant's UTC day: the platform's for consent events, this host's for the rest.
/// </summary>
public sealed class TopicActivity(ITopicActivityStore store, TimeProvider time)
{
    public Task OfferedAsync(string topicId, CancellationToken cancellationToken) =>
        AddAsync(topicId, time.GetUtcNow(), TopicDayCounts.Offer, cancellationToken);

    public Task AcceptedAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) =>
        AddAsync(topicId, at, TopicDayCounts.Acceptance, cancellationToken);

    public Task DeclinedAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) =>
        AddAsync(topicId, at, TopicDayCounts.Decline, cancellationToken);

    public Task StoppedAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) =>
        AddAsync(topicId, at, TopicDayCounts.Stop, cancellationToken);

    /// <summary>A page's outcomes that were not counted before (a later pass of a wave counts only its own).</summary>
    public Task DeliveredAsync(string topicId, long sent, long skipped, long failed, CancellationToken cancellationToken) =>
        AddAsync(topicId, time.GetUtcNow(), TopicDayCounts.Deliveries(sent, skipped, failed), cancellationToken);

    /// <summary>The last <paramref name="days"/> UTC days up to today, per topic and day.</summary>
    public async Task<IReadOnlyList<TopicDay>> ReadLastAsync(int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return await store.ReadAsync(today.AddDays(1 - days), today, cancellationToken).ConfigureAwait(false);
    }

    private Task AddAsync(string topicId, DateTimeOffset at, TopicDayCounts counts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicId);
        return counts.IsEmpty ? Task.CompletedTask : store.AddAsync(topicId, DateOnly.FromDateTime(at.UtcDateTime), counts, cancellationToken);
    }
}
