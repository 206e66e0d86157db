using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Periods;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Eligibility;

/// <summary>
/// The one function that decides whether a subscription may get a message at an instant.
/// <list type="number">
/// <item>Never after a stop, an expiry or a retirement.</item>
/// <item>The topic's promise, on every channel: at most one message per calendar period of the
/// topic's frequency in the subscriber's timezone (<see cref="CalendarPeriod"/>).</item>
/// <item>On Messenger, the profile's per-token rule on top (docs/messenger-platform.md §1): Launch2022 one per
/// calendar period of the token's frequency in the token's timezone; Current one per rolling 48 h;
/// Marketing Messages one per 12 hours (<see cref="MarketingMessagesLimits"/>);
/// and the platform's own <c>next_eligible_time</c> when known (docs/messenger-platform.md §4).</item>
/// </list>
/// When both limits hold a subscription back, the later next-eligible instant is reported: the stricter wins.
/// </summary>
public sealed class EligibilityPolicy
{
    /// <summary>A deployment with Recurring Notifications only, for the business in <paramref name="region"/>.</summary>
    public EligibilityPolicy(PlatformProfile profile, string? region)
        : this(new MessengerReach(profile, region, marketingMessagesConfigured: false))
    {
    }

    public EligibilityPolicy(MessengerReach reach)
    {
        ArgumentNullException.ThrowIfNull(reach);
        Reach = reach;
    }

    /// <summary>The products this deployment sends through; the per-token rule follows the product a message takes.</summary>
    public MessengerReach Reach { get; }

    /// <param name="subscription">The subscription to message.</param>
    /// <param name="topic">Its topic; <c>null</c> for an unmatched unrequested opt-in, whose promise is then the token's frequency, if any.</param>
    /// <param name="now">The instant of the intended send.</param>
    /// <param name="page">The page's platform status (Messenger only); <c>null</c> when unknown.</param>
    /// <param name="product">The product the message would go through (<see cref="ProductRouter"/>); <c>null</c>: the profile's rule.</param>
    public SendEligibility Evaluate(Subscription subscription, Topic? topic, DateTimeOffset now, PageStatus? page = null, MessengerProduct? product = null)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        switch (subscription.Status)
        {
            case SubscriptionStatus.Retired:
                return SendEligibility.NotEligible(NotEligibleReason.Retired);
            case SubscriptionStatus.Stopped:
                return SendEligibility.NotEligible(NotEligibleReason.Stopped);
        }

        if (subscription.IsExpiredAt(now))
        {
            return SendEligibility.NotEligible(NotEligibleReason.Expired);
        }

        var onMessenger = subscription.IsMessenger;
        if (onMessenger && !Reach.OffersAllowed)
        {
            return SendEligibility.NotEligible(NotEligibleReason.OutsideRegion);
        }

        if (onMessenger && page?.SendsPausedUntil is { } pausedUntil && now < pausedUntil)
        {
            return SendEligibility.NotEligible(NotEligibleReason.PageSendsPaused, pausedUntil);
        }

        var zone = SubscriberTimeZone.Resolve(subscription.TimeZoneId);
        var promiseNext = PromiseNext(subscription, topic?.Frequency ?? subscription.Frequency, zone, now);
        var tokenNext = onMessenger ? TokenNext(subscription, topic, zone, now, Reach.SendRuleFor(product)) : null;

        if (promiseNext is null && tokenNext is null)
        {
            return SendEligibility.Eligible;
        }

        // Both limits block: report the later instant, with the reason that produces it.
        if (tokenNext is { } t && (promiseNext is not { } p || t > p))
        {
            return SendEligibility.NotEligible(NotEligibleReason.TooSoonForToken, t);
        }

        return SendEligibility.NotEligible(NotEligibleReason.AlreadySentThisPeriod, promiseNext);
    }

    /// <summary>
    /// When a message through <paramref name="product"/> is allowed after one sent at
    /// <paramref name="lastSentAt"/>, if not now: the product's rolling per-token rule only (the question a
    /// send moved to the other product asks; the topic's promise was already checked for this send).
    /// </summary>
    public DateTimeOffset? NextUnderTokenRule(DateTimeOffset? lastSentAt, MessengerProduct? product, DateTimeOffset now)
    {
        var rule = Reach.SendRuleFor(product);
        return rule.Kind == PerTokenRuleKind.RollingInterval && lastSentAt is { } last && now < last + rule.Interval!.Value
            ? last + rule.Interval.Value
            : null;
    }

    private static DateTimeOffset? PromiseNext(Subscription subscription, Frequency? promised, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (promised is not { } frequency || subscription.LastSentAt is not { } last)
        {
            return null;
        }

        var period = CalendarPeriod.Containing(now, frequency, zone);
        return period.Contains(last) ? period.End : null;
    }

    private static DateTimeOffset? TokenNext(Subscription subscription, Topic? topic, TimeZoneInfo zone, DateTimeOffset now, PerTokenSendRule rule)
    {
        DateTimeOffset? next = subscription.NextEligibleAt is { } platformSays && platformSays > now ? platformSays : null;
        if (subscription.LastSentAt is not { } last)
        {
            return next;
        }

        DateTimeOffset? ruleNext = null;
        switch (rule.Kind)
        {
            case PerTokenRuleKind.RollingInterval:
                var allowedAt = last + rule.Interval!.Value;
                ruleNext = now < allowedAt ? allowedAt : null;
                break;
            case PerTokenRuleKind.CalendarPeriod:
                // 2022 tokens carry their frequency; without it the request carried the topic's.
                var frequency = subscription.Frequency ?? topic?.Frequency ?? Frequency.Daily;
                var period = CalendarPeriod.Containing(now, frequency, zone);
                ruleNext = period.Contains(last) ? period.End : null;
                break;
        }

        return Later(next, ruleNext);
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
