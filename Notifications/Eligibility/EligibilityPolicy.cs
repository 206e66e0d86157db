using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Periods;
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
/// and the platform's own <c>next_eligible_time</c> when known (docs/messenger-platform.md §4).</item>
/// </list>
/// When both limits hold a subscription back, the later next-eligible instant is reported: the stricter wins.
/// </summary>
public sealed class EligibilityPolicy
{
    private readonly PlatformProfile _profile;
    private readonly string? _region;

    public EligibilityPolicy(PlatformProfile profile, string? region)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        _region = region;
    }

    /// <param name="subscription">The subscription to message.</param>
    /// <param name="topic">Its topic; <c>null</c> for an unmatched unrequested opt-in, whose promise is then the token's frequency, if any.</param>
    /// <param name="now">The instant of the intended send.</param>
    /// <param name="page">The page's platform status (Messenger only); <c>null</c> when unknown.</param>
    public SendEligibility Evaluate(Subscription subscription, Topic? topic, DateTimeOffset now, PageStatus? page = null)
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
        if (onMessenger && !_profile.CoversRegion(_region))
        {
            return SendEligibility.NotEligible(NotEligibleReason.OutsideRegion);
        }

        if (onMessenger && page?.SendsPausedUntil is { } pausedUntil && now < pausedUntil)
        {
            return SendEligibility.NotEligible(NotEligibleReason.PageSendsPaused, pausedUntil);
        }

        var zone = SubscriberTimeZone.Resolve(subscription.TimeZoneId);
        var promiseNext = PromiseNext(subscription, topic?.Frequency ?? subscription.Frequency, zone, now);
        var tokenNext = onMessenger ? TokenNext(subscription, topic, zone, now) : null;

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

    private static DateTimeOffset? PromiseNext(Subscription subscription, Frequency? promised, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (promised is not { } frequency || subscription.LastSentAt is not { } last)
        {
            return null;
        }

        var period = CalendarPeriod.Containing(now, frequency, zone);
        return period.Contains(last) ? period.End : null;
    }

    private DateTimeOffset? TokenNext(Subscription subscription, Topic? topic, TimeZoneInfo zone, DateTimeOffset now)
    {
        DateTimeOffset? next = subscription.NextEligibleAt is { } platformSays && platformSays > now ? platformSays : null;
        if (subscription.LastSentAt is not { } last)
        {
            return next;
        }

        DateTimeOffset? ruleNext = null;
        switch (_profile.SendRule.Kind)
        {
            case PerTokenRuleKind.RollingInterval:
                var allowedAt = last + _profile.SendRule.Interval!.Value;
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
