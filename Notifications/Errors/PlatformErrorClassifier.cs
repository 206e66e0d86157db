using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;

namespace ConversationBot.Notifications.Errors;

/// <summary>
/// docs/messenger-platform.md §5 as code: a Graph error to what the bot does. Classified on (code, subcode)
/// together, because one code means different things with different subcodes (613 alone is a rate
/// limit, 613/1893016 a duplicate opt-in). Specific pairs first, then the rate-limit codes, then calls
/// that got no answer (retried only when the request never left), then the HTTP status; everything
/// else is unknown and must not be retried blindly. Marketing Messages errors come first, by their
/// own table (<see cref="MarketingMessagesErrors"/>, docs/marketing-messages.md §4), because their
/// number may sit in <c>code</c> or in <c>error_subcode</c> next to a generic code such as 100.
/// </summary>
public sealed class PlatformErrorClassifier
{
    private static readonly int[] RateLimitCodes = [4, 17, 32, 613];

    /// <summary>Graph's access-token and permission errors: on a Marketing Messages call the onboarding is broken.</summary>
    private static readonly int[] AccessCodes = [190, 10, 200, 294];

    private readonly PlatformErrorOptions _options;
    private readonly PlatformProfile _profile;
    private readonly TimeSpan? _conversationGap;

    /// <param name="options">Backoff and pause lengths.</param>
    /// <param name="profile">The profile in force, for the per-token fallback of "too soon".</param>
    /// <param name="conversationGap">Marketing Messages' <c>min_conversation_gap_seconds</c> when set: how long a person refused for it (2300052) waits.</param>
    public PlatformErrorClassifier(PlatformErrorOptions options, PlatformProfile profile, TimeSpan? conversationGap = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(profile);
        _options = options;
        _profile = profile;
        _conversationGap = conversationGap;
    }

    /// <param name="error">The failed call.</param>
    /// <param name="now">When it failed.</param>
    /// <param name="attempt">1 for the first failure of this send; the backoff doubles per attempt.</param>
    /// <param name="nextEligibleAt">The token's <c>next_eligible_time</c> when known, for "too soon".</param>
    public PlatformErrorAction Classify(PlatformError error, DateTimeOffset now, int attempt = 1, DateTimeOffset? nextEligibleAt = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (MarketingMessagesErrors.NumberOf(error) is { } number)
        {
            return ClassifyMarketingMessages(error, number, now, attempt, nextEligibleAt);
        }

        if (error.Product == MessengerProduct.MarketingMessages && error.Code is { } access && AccessCodes.Contains(access))
        {
            return new PlatformErrorAction(
                PlatformErrorActionKind.StopMarketingMessages, null, true, $"the access token or a permission was refused (code {access}): re-authorise or re-onboard", error);
        }

        if (error.Product == MessengerProduct.RecurringNotifications && IsRecurringNotificationsRegionRefusal(error))
        {
            return Final(PlatformErrorActionKind.RerouteToOtherProduct, "Recurring Notifications is not available in this subscriber's region", error);
        }

        switch (error.Code, error.Subcode)
        {
            case (100, _) when NamesToken(error.Message):
                return Final(PlatformErrorActionKind.RetireSubscription, "the token is invalid or expired", error);
            case (10, 1893015):
                return Final(PlatformErrorActionKind.MarkStopped, "the person stopped this topic", error);
            case (551, 1545041):
                return Final(PlatformErrorActionKind.RetireSubscription, "the person is unavailable", error);
            case (4, 2018354):
                return new PlatformErrorAction(
                    PlatformErrorActionKind.RescheduleAt,
                    nextEligibleAt is { } next && next > now ? next : now + TooSoonFallback(),
                    false,
                    "too soon for this token; not a failure",
                    error);
            case (613, 1893016):
                return new PlatformErrorAction(
                    PlatformErrorActionKind.RecordOfferedNoRetryThisWeek, now + TimeSpan.FromDays(7), false, "the same opt-in title was already requested this week", error);
            case (9, 2018352):
                return new PlatformErrorAction(
                    PlatformErrorActionKind.StopOffersToCustomerForDay, now + _options.CustomerOfferBlock, false, "too many opt-in requests to this person", error);
            case (10, 1404170):
                return new PlatformErrorAction(
                    PlatformErrorActionKind.PausePageOptIns, now + _options.PageOptInBar, true, "the page is temporarily barred from opt-in requests", error);
            case (10, 1893063):
                return new PlatformErrorAction(
                    PlatformErrorActionKind.PausePageSends, now + _options.PageSendPause, true, "the page is temporarily restricted from sending", error);
        }

        if (error.Code is { } code && RateLimitCodes.Contains(code))
        {
            return Retry(error, now, attempt, $"rate limit (code {code})");
        }

        if (error.MayHaveArrived)
        {
            // At most once: a message that may have arrived is never sent again (docs/messenger-platform.md §5).
            return Final(PlatformErrorActionKind.OutcomeUnknown, $"no answer after the request went out ({error.Message}); it may have arrived, so it is not sent again", error);
        }

        if (error.NotSent)
        {
            return Retry(error, now, attempt, $"not reached ({error.Message})");
        }

        if (error.HttpStatus is 429 or >= 500 and <= 599)
        {
            return Retry(error, now, attempt, $"HTTP {error.HttpStatus}");
        }

        return Final(PlatformErrorActionKind.Unknown, $"unknown platform error (HTTP {error.HttpStatus}, code {error.Code}, subcode {error.Subcode}); record the body", error);
    }

    /// <summary>
    /// The platform asked to slow down (HTTP 429 or a rate-limit code, but not the pairs that reuse those
    /// codes for something else): whoever sees it slows every instance sending for the Page.
    /// </summary>
    public static bool IsRateLimit(PlatformError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return (error.Code, error.Subcode) is not ((4, 2018354) or (613, 1893016))
            && (error.HttpStatus == 429 || (error.Code is { } code && RateLimitCodes.Contains(code)));
    }

    /// <summary>The delay before retry number <paramref name="attempt"/>: Retry-After when given, else the capped doubling backoff.</summary>
    public TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } told && told > TimeSpan.Zero)
        {
            return told;
        }

        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var delay = _options.InitialBackoff * Math.Pow(2, exponent);
        return delay > _options.MaxBackoff ? _options.MaxBackoff : delay;
    }

    private PlatformErrorAction ClassifyMarketingMessages(PlatformError error, int number, DateTimeOffset now, int attempt, DateTimeOffset? nextEligibleAt)
    {
        if (!MarketingMessagesErrors.TryGet(number, out var row))
        {
            return Final(PlatformErrorActionKind.Unknown, $"undocumented Marketing Messages error {number}; the body is recorded", error);
        }

        var why = $"Marketing Messages {number}: {row.Meaning}";

        // 2300068-2300079 were pacing codes before Meta's table of 2026-04-24 renumbered them: a wait
        // Meta states, or words saying to try later, mean the pacing reading (docs/marketing-messages.md §4).
        if (number is >= 2300068 and <= 2300079 && row.Kind != PlatformErrorActionKind.RetryLater
            && (error.Remaining is not null || SaysTryLater(error.Message)))
        {
            return Retry(error, now, attempt, $"{why}; read as pacing (Meta said to try later)", error.Remaining);
        }

        switch (row.Kind)
        {
            case PlatformErrorActionKind.RetryLater when row.RetriesBeforeFix is { } retries && attempt > retries:
                return new PlatformErrorAction(PlatformErrorActionKind.FixRequest, null, true, $"{why}; still failing after {retries} retry", error);
            case PlatformErrorActionKind.RetryLater:
                return new PlatformErrorAction(PlatformErrorActionKind.RetryLater, WaitUntil(row.Wait, error, now, attempt, nextEligibleAt), false, why, error);
            case PlatformErrorActionKind.RescheduleAt or PlatformErrorActionKind.SkipRecipient or PlatformErrorActionKind.CampaignWaits:
                return new PlatformErrorAction(row.Kind, WaitUntil(row.Wait, error, now, attempt, nextEligibleAt), false, why, error);
            case PlatformErrorActionKind.CampaignBudgetExhausted or PlatformErrorActionKind.FixRequest or PlatformErrorActionKind.StopMarketingMessages:
                return new PlatformErrorAction(row.Kind, null, true, why, error);
            default:
                return Final(row.Kind, why, error);
        }
    }

    /// <summary>When to act again; Meta's <c>remaining_seconds</c> wins over every default.</summary>
    private DateTimeOffset WaitUntil(MarketingMessagesWait wait, PlatformError error, DateTimeOffset now, int attempt, DateTimeOffset? nextEligibleAt)
    {
        if (error.Remaining is { } remaining && remaining > TimeSpan.Zero)
        {
            return now + remaining;
        }

        return wait switch
        {
            MarketingMessagesWait.HalfAnHour => now + TimeSpan.FromMinutes(30),
            MarketingMessagesWait.WarmUp => now + MarketingMessagesLimits.WarmUp,
            MarketingMessagesWait.NextDay => new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero),
            MarketingMessagesWait.NextWeek => now + TimeSpan.FromDays(7),
            MarketingMessagesWait.TokenInterval => nextEligibleAt is { } next && next > now ? next : now + MarketingMessagesLimits.PerTokenRule.Interval!.Value,
            MarketingMessagesWait.ConversationGap => now + (_conversationGap ?? TimeSpan.FromDays(1)),
            _ => now + Backoff(attempt, error.RetryAfter),
        };
    }

    private bool IsRecurringNotificationsRegionRefusal(PlatformError error) =>
        _options.RecurringNotificationsRegionRefusals.Any(pair => pair == $"{error.Code}/{error.Subcode}")
        || (error.Message is { } message && message.Contains("region", StringComparison.OrdinalIgnoreCase) && error.Code is not null && !RateLimitCodes.Contains(error.Code.Value));

    private static bool SaysTryLater(string? message) =>
        message is not null && (message.Contains("try again", StringComparison.OrdinalIgnoreCase) || message.Contains("try later", StringComparison.OrdinalIgnoreCase) || message.Contains("pacing", StringComparison.OrdinalIgnoreCase));

    private PlatformErrorAction Retry(PlatformError error, DateTimeOffset now, int attempt, string why, TimeSpan? told) =>
        new(PlatformErrorActionKind.RetryLater, now + Backoff(attempt, told ?? error.RetryAfter), false, why, error);

    private PlatformErrorAction Retry(PlatformError error, DateTimeOffset now, int attempt, string why) =>
        new(PlatformErrorActionKind.RetryLater, now + Backoff(attempt, error.RetryAfter), false, why, error);

    private static PlatformErrorAction Final(PlatformErrorActionKind kind, string why, PlatformError error) => new(kind, null, false, why, error);

    // Code 100 is Graph's generic "invalid parameter"; only when it names the token is the token dead.
    private static bool NamesToken(string? message) =>
        message is not null && message.Contains("notification_messages_token", StringComparison.OrdinalIgnoreCase);

    private TimeSpan TooSoonFallback() => _profile.SendRule.Interval ?? TimeSpan.FromDays(1);
}
