using ConversationBot.Notifications.Periods;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.OptIns;

/// <summary>
/// The one place that answers "may we offer topic T to this customer now?" (architecture.md flow 2).
/// Checks, in order, each with its reason: the topic exists; the channel can carry consent (not Azure
/// Bot Service's facebook channel); the profile serves the region
/// (Messenger); the 24-hour window is open (docs/messenger-platform.md §2); the page is neither barred
/// from opt-ins nor restricted from sending (Messenger); the stop-rate guard has not paused the topic; the customer is not subscribed
/// (except a re-opt-in in the profile's last stretch before expiry); the same title or topic was not
/// requested within the longer of the profile's limit (Messenger) and our cooldown; no "Not now" or
/// stop within the decline cooldown; the daily cap (in the customer's timezone) is not reached.
/// The platform rules apply on Messenger only; our own limits apply on every channel.
/// </summary>
public sealed class OptInPolicy
{
    private readonly TopicCatalog _catalog;
    private readonly PlatformProfile _profile;
    private readonly OptInPolicyOptions _options;
    private readonly MessengerReach _reach;

    /// <summary>A deployment with Recurring Notifications only, for the business in <paramref name="region"/>.</summary>
    public OptInPolicy(TopicCatalog catalog, PlatformProfile profile, OptInPolicyOptions options, string? region)
        : this(catalog, new MessengerReach(profile, region, marketingMessagesConfigured: false), options)
    {
    }

    public OptInPolicy(TopicCatalog catalog, MessengerReach reach, OptInPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(reach);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _reach = reach;
        _profile = reach.Profile;
        _options = options;
    }

    public OptInDecision Decide(string topicId, OptInContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_catalog.TryGet(topicId, out var topic))
        {
            return OptInDecision.Deny(OptInDenialReason.TopicUnknown, detail: $"no topic '{topicId}'");
        }

        if (ChannelIds.IsFacebook(context.ChannelId))
        {
            return OptInDecision.Deny(OptInDenialReason.ChannelCannotHoldConsent, detail: "Azure Bot Service's facebook channel forwards no opt-in and no token; connect the page's webhook for opt-ins");
        }

        var onMessenger = ChannelIds.IsMessenger(context.ChannelId);
        // Same template and token for both products: an offer is fine wherever either can deliver (docs/marketing-messages.md §2).
        if (onMessenger && _reach.WhyNoOffers() is { } why)
        {
            return OptInDecision.Deny(OptInDenialReason.OutsideRegion, detail: why);
        }

        if (!context.Window.IsOpenAt(now))
        {
            return OptInDecision.Deny(OptInDenialReason.WindowClosed);
        }

        if (onMessenger && context.Page.AreOptInsBarredAt(now))
        {
            return OptInDecision.Deny(OptInDenialReason.PageBarredFromOptIns, context.Page.OptInsBarredUntil);
        }

        if (onMessenger && context.Page.AreSendsPausedAt(now))
        {
            return OptInDecision.Deny(OptInDenialReason.PageRestrictedFromSending, context.Page.SendsPausedUntil);
        }

        if (context.StopRate is { IsPaused: true } stopRate)
        {
            return OptInDecision.Deny(OptInDenialReason.TopicPausedByStopRate, detail: stopRate.Explanation);
        }

        var kind = OptInOfferKind.New;
        var existing = context.Subscriptions.FirstOrDefault(s =>
            s.TopicId == topic.Id
            && string.Equals(s.ChannelId, context.ChannelId, StringComparison.OrdinalIgnoreCase)
            && s.CustomerId == context.CustomerId);
        if (existing is not null)
        {
            if (existing.IsActiveAt(now))
            {
                if (!IsInReOptInStretch(existing, onMessenger, now))
                {
                    return OptInDecision.Deny(OptInDenialReason.AlreadySubscribed);
                }

                kind = OptInOfferKind.ReOptIn;
            }
            else if (existing.Status == SubscriptionStatus.Stopped
                && existing.StatusChangedAt is { } stoppedAt
                && now < stoppedAt + _options.DeclineCooldown)
            {
                return OptInDecision.Deny(OptInDenialReason.DeclinedRecently, stoppedAt + _options.DeclineCooldown, "stopped by the customer");
            }
        }

        var limit = SameTitleLimit(onMessenger);
        var lastSameRequest = context.History.Requests
            .Where(r => r.TopicId == topic.Id || topic.Texts.Values.Any(t => string.Equals(t.Title.Trim(), r.Title.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(r => (DateTimeOffset?)r.At)
            .Max();
        if (lastSameRequest is { } requestedAt && now < requestedAt + limit)
        {
            return OptInDecision.Deny(OptInDenialReason.SameTitleRequestedRecently, requestedAt + limit);
        }

        var lastDecline = context.History.Declines.Where(d => d.TopicId == topic.Id).Select(d => (DateTimeOffset?)d.At).Max();
        if (lastDecline is { } declinedAt && now < declinedAt + _options.DeclineCooldown)
        {
            return OptInDecision.Deny(OptInDenialReason.DeclinedRecently, declinedAt + _options.DeclineCooldown);
        }

        if (context.History.OffersBlockedUntil is { } blockedUntil && now < blockedUntil)
        {
            return OptInDecision.Deny(OptInDenialReason.PlatformSaidTooManyRequests, blockedUntil, "the platform said too many opt-in requests");
        }

        var today = CalendarPeriod.Containing(now, Frequency.Daily, SubscriberTimeZone.Resolve(context.TimeZoneId));
        var requestsToday = context.History.Requests.Count(r => today.Contains(r.At));
        if (requestsToday >= _options.DailyCap)
        {
            return OptInDecision.Deny(OptInDenialReason.DailyCapReached, today.End, $"{requestsToday} of {_options.DailyCap} requests today");
        }

        return OptInDecision.Allow(kind);
    }

    /// <summary>The longer of the profile's same-title limit (Messenger only) and our cooldown.</summary>
    public TimeSpan SameTitleLimit(bool onMessenger) =>
        onMessenger && _profile.SameTitleRequestLimit is { } platform && platform > _options.SameTitleCooldown
            ? platform
            : _options.SameTitleCooldown;

    private bool IsInReOptInStretch(Subscription subscription, bool onMessenger, DateTimeOffset now) =>
        onMessenger
        && _profile.ReOptInOffered
        && subscription.ExpiresAt is { } expiry
        && now >= expiry - _profile.ReOptInBeforeExpiry;
}
