namespace ConversationBot.Notifications.Funnel;

/// <summary>
/// Counts the way from a front door to a subscriber per entry (docs/funnel.md). An entry is the ref of a
/// link, QR code or ad, or a comment rule's entry, with its source label (<c>topic_weekly-deals__src_poster</c>);
/// it is counted only once the host has checked that it names something the bot knows, so a crafted ref
/// stores nothing. The customer is attributed to the entry they last came in through; offers and opt-ins
/// within <see cref="FunnelAttribution.Window"/> of it count for that entry, and an opt-in keeps its entry
/// for the stop that may follow. Customers who came in any other way are not in the funnel.
/// </summary>
public sealed class EntryFunnel(IFunnelStore store, TimeProvider time)
{
    /// <summary>
    /// A link, QR code or ad brought the customer in. <paramref name="conversed"/>: it was their own act
    /// (a tap on Get Started, a message after an ad), not only a thread opened by a link.
    /// </summary>
    public async Task EnteredAsync(string channelId, string customerId, string entry, bool conversed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.IncrementAsync(entry, FunnelStage.Entered, now, cancellationToken).ConfigureAwait(false);
        if (conversed)
        {
            await store.IncrementAsync(entry, FunnelStage.Conversation, now, cancellationToken).ConfigureAwait(false);
        }

        await store.SaveAsync(channelId, customerId, null, new FunnelAttribution(entry, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A comment matched a rule and was answered privately. The commenter has no Messenger id yet, so nobody is attributed until they answer.</summary>
    public Task CommentAnsweredAsync(string entry, CancellationToken cancellationToken) =>
        store.IncrementAsync(entry, FunnelStage.Entered, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// The customer acted in the chat after coming in: they answered a comment's private reply, or wrote
    /// after a link opened their thread. <paramref name="attribute"/>: the entry is not attributed yet (a comment's).
    /// </summary>
    public async Task ConversedAsync(string channelId, string customerId, string entry, bool attribute, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.IncrementAsync(entry, FunnelStage.Conversation, now, cancellationToken).ConfigureAwait(false);
        if (attribute)
        {
            await store.SaveAsync(channelId, customerId, null, new FunnelAttribution(entry, now), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An opt-in offer of any topic was shown to the customer.</summary>
    public async Task OfferShownAsync(string channelId, string customerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await CurrentAsync(channelId, customerId, now, cancellationToken).ConfigureAwait(false) is { } attribution)
        {
            await store.IncrementAsync(attribution.Entry, FunnelStage.OfferShown, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The customer subscribed to <paramref name="topicId"/> (not a renewal of an active subscription) at
    /// <paramref name="at"/>, the platform's instant, which counts the day; whether the entry is recent
    /// enough is judged by this host's clock, as for offers, since the two clocks need not agree.
    /// </summary>
    public async Task OptedInAsync(string channelId, string customerId, string topicId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(channelId, customerId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } attribution)
        {
            await store.IncrementAsync(attribution.Entry, FunnelStage.OptIn, at, cancellationToken).ConfigureAwait(false);
            await store.SaveAsync(channelId, customerId, topicId, attribution with { At = at }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The customer's active subscription to <paramref name="topicId"/> stopped: counted for the entry its opt-in was counted for.</summary>
    public async Task StoppedAsync(string channelId, string customerId, string topicId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(channelId, customerId, topicId, cancellationToken).ConfigureAwait(false) is { } attribution)
        {
            await store.IncrementAsync(attribution.Entry, FunnelStage.Stop, at, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<FunnelAttribution?> CurrentAsync(string channelId, string customerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await store.FindAsync(channelId, customerId, null, cancellationToken).ConfigureAwait(false) is { } attribution && attribution.IsCurrentAt(now)
            ? attribution
            : null;
}
