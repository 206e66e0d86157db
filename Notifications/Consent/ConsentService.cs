using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Consent;

/// <summary>
/// The one entry point for consent: Messenger's opt-in, stop and resume events (the webhook calls
/// <see cref="ApplyAsync"/>), and the card's "Allow" / "Not now" on other channels.
/// <list type="bullet">
/// <item>Opt-ins key on the token; the topic comes from the payload, else (opt-ins the bot never
/// requested) from the title, else it is <see cref="Topic.UnknownId"/>, and the token is kept.</item>
/// <item><c>REFRESHED</c> replaces token and expiry. Without an expiry in the event, the profile's
/// token lifetime supplies one (Launch2022) or none (Current).</item>
/// <item>Stop and resume match by token, else by (customer, topic from payload or title).</item>
/// <item>Duplicates change nothing and an older event never overrides a newer one: the
/// <see cref="Subscription"/> behaviour compares event timestamps.</item>
/// </list>
/// Saves use optimistic concurrency and re-apply on a conflict (webhook retries race each other).
/// </summary>
public sealed class ConsentService
{
    private readonly ISubscriptionStore _subscriptions;
    private readonly IOfferHistoryStore _history;
    private readonly IStopRateCounterStore _stopRates;
    private readonly EntryFunnel _funnel;
    private readonly TopicCatalog _catalog;
    private readonly PlatformProfile _profile;

    public ConsentService(
        ISubscriptionStore subscriptions,
        IOfferHistoryStore history,
        IStopRateCounterStore stopRates,
        EntryFunnel funnel,
        TopicCatalog catalog,
        PlatformProfile profile)
    {
        _subscriptions = subscriptions;
        _history = history;
        _stopRates = stopRates;
        _funnel = funnel;
        _catalog = catalog;
        _profile = profile;
    }

    public Task<ConsentOutcome> ApplyAsync(ConsentEvent consentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consentEvent);
        return consentEvent.Kind switch
        {
            ConsentEventKind.OptIn => OptInAsync(consentEvent, cancellationToken),
            ConsentEventKind.Stop => ChangeAsync(consentEvent, (s, at) => s.Stop(at, ConsentReasons.PlatformStop), "stopped", cancellationToken),
            _ => ChangeAsync(consentEvent, (s, at) => s.Resume(at), "resumed", cancellationToken),
        };
    }

    /// <summary>
    /// "Allow" on a Bot Framework channel's card: the subscription delivery will continue through
    /// <paramref name="conversationReference"/> (opaque here). The topic's promise is its frequency.
    /// <paramref name="language"/> is the language the turn spoke (a two-letter code), kept for campaigns.
    /// </summary>
    public async Task<ConsentOutcome> AllowFromCardAsync(
        string channelId, string customerId, string topicId, string conversationReference, string? timeZoneId, DateTimeOffset at, CancellationToken cancellationToken, string? language = null)
    {
        if (!_catalog.TryGet(topicId, out var topic))
        {
            return new ConsentOutcome(ConsentOutcomeKind.NoMatchingSubscription, null, topicId, $"no topic '{topicId}'");
        }

        var id = Subscription.IdFor(channelId, customerId, topic.Id, topic.Title);
        return await SaveWithRetryAsync(
            id,
            () => Subscription.OptInWithConversationReference(topic.Id, topic.Title, channelId, customerId, conversationReference, timeZoneId, topic.Frequency, _profile.Name, at, language),
            s => s.RenewConsent(null, conversationReference, timeZoneId, topic.Frequency, null, _profile.Name, SubscriptionOrigin.RequestedByUs, at, language),
            countsAsOptIn: true,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Not now": recorded so the policy does not ask again within the decline cooldown.</summary>
    public Task DeclineAsync(string channelId, string customerId, string topicId, DateTimeOffset at, CancellationToken cancellationToken) =>
        _history.RecordDeclineAsync(channelId, customerId, new OptInDeclineRecord(topicId, at), cancellationToken);

    /// <summary>
    /// A typed "stop &lt;topic&gt;" (or "stop all" with <paramref name="topicId"/> null): stops the
    /// customer's active subscriptions on the channel. On Messenger this only stops our sends; the
    /// platform's own stop comes as an event.
    /// </summary>
    public async Task<IReadOnlyList<ConsentOutcome>> StopByCustomerAsync(
        string channelId, string customerId, string? topicId, DateTimeOffset at, CancellationToken cancellationToken, string reason = ConsentReasons.TypedStop)
    {
        var outcomes = new List<ConsentOutcome>();
        var all = await _subscriptions.ListByCustomerAsync(channelId, customerId, cancellationToken).ConfigureAwait(false);
        foreach (var subscription in all.Where(s => s.Status == SubscriptionStatus.Active && (topicId is null || s.TopicId == topicId)))
        {
            outcomes.Add(await ChangeByIdAsync(subscription.Id, (s, when) => s.Stop(when, reason), at, "stopped", cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    private async Task<ConsentOutcome> OptInAsync(ConsentEvent e, CancellationToken cancellationToken)
    {
        var token = e.Token!;
        var (topic, origin) = ResolveTopic(e);
        var topicId = topic?.Id ?? Topic.UnknownId;
        // Without a frequency in the event, the request carried the topic's; an unknown topic's token
        // behaves as daily (docs/messenger-platform.md §1, February 2023), the shortest lifetime.
        var frequencyForLifetime = e.Frequency ?? topic?.Frequency ?? Frequency.Daily;
        var expiresAt = e.ExpiresAt ?? _profile.TokenLifetime.ExpiryFor(frequencyForLifetime, e.OccurredAt);

        // The token is the key of consent; a refreshed (new) token is found through its topic.
        var byToken = await _subscriptions.FindByTokenAsync(token, cancellationToken).ConfigureAwait(false);
        var id = byToken?.Id ?? Subscription.IdFor(e.ChannelId, e.CustomerId, topicId, e.Title);

        var outcome = await SaveWithRetryAsync(
            id,
            () => Subscription.OptInOnMessenger(topicId, e.Title, e.CustomerId, token, e.TimeZoneId, e.Frequency, expiresAt, _profile.Name, origin, e.OccurredAt, e.Language),
            s => e.IsRefreshed
                ? s.Refresh(token, expiresAt, e.OccurredAt)
                : s.RenewConsent(token, null, e.TimeZoneId, e.Frequency, expiresAt, _profile.Name, origin, e.OccurredAt, e.Language),
            countsAsOptIn: !e.IsRefreshed,
            cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private async Task<ConsentOutcome> ChangeAsync(ConsentEvent e, Func<Subscription, DateTimeOffset, bool> change, string verb, CancellationToken cancellationToken)
    {
        var subscription = await FindForStatusEventAsync(e, cancellationToken).ConfigureAwait(false);
        if (subscription is null)
        {
            return new ConsentOutcome(ConsentOutcomeKind.NoMatchingSubscription, null, null, $"no subscription matches this {e.Kind} (token, payload, title)");
        }

        return await ChangeByIdAsync(subscription.Id, change, e.OccurredAt, verb, cancellationToken).ConfigureAwait(false);
    }

    private Task<ConsentOutcome> ChangeByIdAsync(
        string id, Func<Subscription, DateTimeOffset, bool> change, DateTimeOffset at, string verb, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync($"Subscription {id}", async token =>
        {
            var subscription = await _subscriptions.FindAsync(id, token).ConfigureAwait(false);
            if (subscription is null)
            {
                return Round<ConsentOutcome>.Done(new ConsentOutcome(ConsentOutcomeKind.NoMatchingSubscription, id, null, "the subscription disappeared"));
            }

            var wasActive = subscription.Status == SubscriptionStatus.Active;
            if (!change(subscription, at))
            {
                return Round<ConsentOutcome>.Done(new ConsentOutcome(ConsentOutcomeKind.Unchanged, id, subscription.TopicId, $"not {verb}: duplicate, older than the last event, or not applicable to a {subscription.Status} subscription"));
            }

            if (!await _subscriptions.TrySaveAsync(subscription, token).ConfigureAwait(false))
            {
                return Round<ConsentOutcome>.Conflict;
            }

            if (wasActive && subscription.Status == SubscriptionStatus.Stopped)
            {
                await _stopRates.RecordStopAsync(subscription.TopicId, at, token).ConfigureAwait(false);
                await _funnel.StoppedAsync(subscription.ChannelId, subscription.CustomerId, subscription.TopicId, at, token).ConfigureAwait(false);
            }

            return Round<ConsentOutcome>.Done(new ConsentOutcome(ConsentOutcomeKind.Updated, id, subscription.TopicId, verb));
        }, cancellationToken);

    private Task<ConsentOutcome> SaveWithRetryAsync(
        string id, Func<Subscription> create, Func<Subscription, bool> change, bool countsAsOptIn, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync($"Subscription {id}", async token =>
        {
            var existing = await _subscriptions.FindAsync(id, token).ConfigureAwait(false);
            var subscription = existing ?? create();
            var wasActive = existing?.Status == SubscriptionStatus.Active;
            if (existing is not null && !change(existing))
            {
                return Round<ConsentOutcome>.Done(new ConsentOutcome(ConsentOutcomeKind.Unchanged, id, existing.TopicId, "duplicate or older than the last event"));
            }

            if (!await _subscriptions.TrySaveAsync(subscription, token).ConfigureAwait(false))
            {
                return Round<ConsentOutcome>.Conflict;
            }

            if (countsAsOptIn)
            {
                await _stopRates.RecordOptInAsync(subscription.TopicId, subscription.LastEventAt, token).ConfigureAwait(false);
            }

            if (countsAsOptIn && !wasActive)
            {
                // A renewal of an active subscription is no new subscriber in the funnel.
                await _funnel.OptedInAsync(subscription.ChannelId, subscription.CustomerId, subscription.TopicId, subscription.LastEventAt, token).ConfigureAwait(false);
            }

            return Round<ConsentOutcome>.Done(existing is null
                ? new ConsentOutcome(ConsentOutcomeKind.Created, subscription.Id, subscription.TopicId, "opted in")
                : new ConsentOutcome(ConsentOutcomeKind.Updated, subscription.Id, subscription.TopicId, "consent renewed"));
        }, cancellationToken);

    private (Topic? Topic, SubscriptionOrigin Origin) ResolveTopic(ConsentEvent e)
    {
        if (_catalog.TryGetByPayload(e.Payload, out var byPayload))
        {
            return (byPayload, SubscriptionOrigin.RequestedByUs);
        }

        return _catalog.TryGetByTitle(e.Title, out var byTitle)
            ? (byTitle, SubscriptionOrigin.Unrequested)
            : (null, SubscriptionOrigin.Unrequested);
    }

    private async Task<Subscription?> FindForStatusEventAsync(ConsentEvent e, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(e.Token))
        {
            var byToken = await _subscriptions.FindByTokenAsync(e.Token, cancellationToken).ConfigureAwait(false);
            if (byToken is not null)
            {
                return byToken;
            }
        }

        var (topic, _) = ResolveTopic(e);
        var mine = await _subscriptions.ListByCustomerAsync(e.ChannelId, e.CustomerId, cancellationToken).ConfigureAwait(false);
        return topic is not null
            ? mine.FirstOrDefault(s => s.TopicId == topic.Id)
            : mine.FirstOrDefault(s => s.Title is not null && string.Equals(s.Title.Trim(), e.Title?.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
