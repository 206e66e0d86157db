using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Notifications.OptIns;

/// <summary>
/// What dialogs call: gathers the customer's window, history, subscriptions, the page's status and
/// the topic's stop rate from the stores, asks <see cref="OptInPolicy"/>, and records what was offered.
/// </summary>
public sealed class OptInOfferService
{
    private readonly OptInPolicy _policy;
    private readonly StopRateGuard _stopRateGuard;
    private readonly TopicCatalog _catalog;
    private readonly ISubscriptionStore _subscriptions;
    private readonly IOfferHistoryStore _history;
    private readonly IMessagingWindowStore _windows;
    private readonly IPageStatusStore _pages;
    private readonly IStopRateCounterStore _stopRates;
    private readonly MessengerPage _page;
    private readonly TimeProvider _time;

    public OptInOfferService(
        OptInPolicy policy,
        StopRateGuard stopRateGuard,
        TopicCatalog catalog,
        ISubscriptionStore subscriptions,
        IOfferHistoryStore history,
        IMessagingWindowStore windows,
        IPageStatusStore pages,
        IStopRateCounterStore stopRates,
        MessengerPage page,
        TimeProvider time)
    {
        _policy = policy;
        _stopRateGuard = stopRateGuard;
        _catalog = catalog;
        _subscriptions = subscriptions;
        _history = history;
        _windows = windows;
        _pages = pages;
        _stopRates = stopRates;
        _page = page;
        _time = time;
    }

    /// <param name="timeZoneId">The customer's IANA timezone when known, for the daily cap.</param>
    /// <param name="window">The customer's window when the turn proves it (the customer wrote in it); <c>null</c>: read here.</param>
    public async Task<OptInDecision> DecideAsync(
        string channelId, string customerId, string topicId, string? timeZoneId, CancellationToken cancellationToken, MessagingWindow? window = null) =>
        (await DecideManyAsync(channelId, customerId, [topicId], timeZoneId, cancellationToken, window: window).ConfigureAwait(false))[0];

    /// <summary>
    /// The decisions for several topics of one customer in one turn ("my notifications" asks about
    /// every topic): the customer's window, history, subscriptions and the page are read once for all
    /// of them, and only each topic's stop rate is read per topic.
    /// <para>
    /// Read in the order of what denies most often, and no further than the answer needs: with nothing
    /// read, <see cref="OptInPolicy"/> finds no reason to deny past the window, and each document read
    /// can only add one (or, the subscriptions, make an offer a re-opt-in). So once every topic is denied
    /// by what was read (the window closed, today's cap used), the rest is not read, and a topic's stop
    /// rate is read only when everything else allows its offer. Allowed or not, and the offer's kind, come
    /// out as if everything had been read; a denial names the first reason found among what was read
    /// (the cap rather than, say, a paused topic that would also have denied it). Each read is a point
    /// read in Cosmos DB, so this is what the order-answer turn and "my notifications" cost (docs/cost.md).
    /// </para>
    /// </summary>
    /// <param name="subscriptions">The customer's subscriptions when the caller has just read them (null: read here).</param>
    /// <param name="window">
    /// The customer's window when the turn proves it: the customer wrote in this turn, so it is open (Dialogs/OptIns/CustomerMessage.cs).
    /// The stored one could only close a moment later (another instance saw a later message), never earlier. <c>null</c>: read here.
    /// </param>
    public async Task<IReadOnlyList<OptInDecision>> DecideManyAsync(
        string channelId,
        string customerId,
        IReadOnlyList<string> topicIds,
        string? timeZoneId,
        CancellationToken cancellationToken,
        IReadOnlyList<Subscription>? subscriptions = null,
        MessagingWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        var now = _time.GetUtcNow();
        window ??= await _windows.GetAsync(channelId, customerId, cancellationToken).ConfigureAwait(false);
        var context = new OptInContext(channelId, customerId, window, OfferHistory.Empty, [], PageStatus.Unrestricted, null, timeZoneId);
        if (AllDenied(topicIds, context, now))
        {
            return Decide(topicIds, context, now);
        }

        context = context with { History = await _history.GetAsync(channelId, customerId, cancellationToken).ConfigureAwait(false) };
        if (AllDenied(topicIds, context, now))
        {
            return Decide(topicIds, context, now);
        }

        if (ChannelIds.IsMessenger(channelId))
        {
            context = context with { Page = await _pages.GetAsync(_page.Key, cancellationToken).ConfigureAwait(false) };
            if (AllDenied(topicIds, context, now))
            {
                return Decide(topicIds, context, now);
            }
        }

        context = context with
        {
            Subscriptions = subscriptions ?? await _subscriptions.ListByCustomerAsync(channelId, customerId, cancellationToken).ConfigureAwait(false),
        };
        var decisions = new List<OptInDecision>(topicIds.Count);
        foreach (var topicId in topicIds)
        {
            var decision = _policy.Decide(topicId, context, now);
            if (decision.IsAllowed)
            {
                var counts = await _stopRates.CountAsync(topicId, _stopRateGuard.WindowStart(now), now, cancellationToken).ConfigureAwait(false);
                decision = _policy.Decide(topicId, context with { StopRate = _stopRateGuard.Evaluate(topicId, counts) }, now);
            }

            decisions.Add(decision);
        }

        return decisions;
    }

    /// <summary>Records that the request for <paramref name="topicId"/> went out now, with the title it carried.</summary>
    public Task RecordOfferedAsync(string channelId, string customerId, string topicId, string title, CancellationToken cancellationToken) =>
        _history.RecordRequestAsync(channelId, customerId, new OptInRequestRecord(topicId, title, _time.GetUtcNow()), cancellationToken);

    /// <summary>
    /// The platform refused an opt-in request: record what that means (docs/messenger-platform.md §5) and say why
    /// the offer was not made. A duplicate title counts as asked; "too many requests" blocks offers to
    /// this customer for the day; a barred page stops offers page-wide until the bar ends; a page
    /// restricted from sending pauses its campaigns too, as a campaign send that learned it would.
    /// </summary>
    public async Task<OptInDecision> RecordRefusalAsync(
        string channelId, string customerId, string topicId, string title, PlatformErrorAction refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var now = _time.GetUtcNow();
        switch (refusal.Kind)
        {
            case PlatformErrorActionKind.RecordOfferedNoRetryThisWeek:
                await RecordOfferedAsync(channelId, customerId, topicId, title, cancellationToken).ConfigureAwait(false);
                return OptInDecision.Deny(OptInDenialReason.SameTitleRequestedRecently, detail: refusal.Explanation);
            case PlatformErrorActionKind.StopOffersToCustomerForDay:
                var until = refusal.At ?? now.AddDays(1);
                await _history.BlockOffersUntilAsync(channelId, customerId, until, cancellationToken).ConfigureAwait(false);
                return OptInDecision.Deny(OptInDenialReason.PlatformSaidTooManyRequests, until, refusal.Explanation);
            case PlatformErrorActionKind.PausePageOptIns when ChannelIds.IsMessenger(channelId):
                var barredUntil = refusal.At ?? now.AddDays(1);
                await _pages.BarOptInsUntilAsync(_page.Key, barredUntil, cancellationToken).ConfigureAwait(false);
                return OptInDecision.Deny(OptInDenialReason.PageBarredFromOptIns, barredUntil, refusal.Explanation);
            case PlatformErrorActionKind.PausePageSends when ChannelIds.IsMessenger(channelId):
                var pausedUntil = refusal.At ?? now.AddDays(1);
                await _pages.PauseSendsUntilAsync(_page.Key, pausedUntil, cancellationToken).ConfigureAwait(false);
                return OptInDecision.Deny(OptInDenialReason.PageRestrictedFromSending, pausedUntil, refusal.Explanation);
            default:
                return OptInDecision.Deny(OptInDenialReason.PlatformRefused, refusal.At, refusal.Explanation);
        }
    }

    private bool AllDenied(IReadOnlyList<string> topicIds, OptInContext context, DateTimeOffset now) =>
        topicIds.All(topicId => !_policy.Decide(topicId, context, now).IsAllowed);

    private List<OptInDecision> Decide(IReadOnlyList<string> topicIds, OptInContext context, DateTimeOffset now) =>
        [.. topicIds.Select(topicId => _policy.Decide(topicId, context, now))];

    /// <summary>The topic's stop-rate status for operators.</summary>
    public async Task<StopRateStatus> StopRateAsync(string topicId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var counts = await _stopRates.CountAsync(topicId, _stopRateGuard.WindowStart(now), now, cancellationToken).ConfigureAwait(false);
        return _catalog.TryGet(topicId, out _) ? _stopRateGuard.Evaluate(topicId, counts) : StopRateStatus.NotPaused(topicId);
    }
}
