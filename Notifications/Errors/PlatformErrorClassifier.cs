using ConversationBot.Notifications.Profiles;

namespace ConversationBot.Notifications.Errors;

/// <summary>
/// docs/messenger-platform.md §5 as code: a Graph error to what the bot does. Classified on (code, subcode)
/// together, because one code means different things with different subcodes (613 alone is a rate
/// limit, 613/1893016 a duplicate opt-in). Specific pairs first, then the rate-limit codes, then calls
/// that got no answer (retried only when the request never left), then the HTTP status; everything
/// else is unknown and must not be retried blindly.
/// </summary>
public sealed class PlatformErrorClassifier
{
    private static readonly int[] RateLimitCodes = [4, 17, 32, 613];

    private readonly PlatformErrorOptions _options;
    private readonly PlatformProfile _profile;

    public PlatformErrorClassifier(PlatformErrorOptions options, PlatformProfile profile)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(profile);
        _options = options;
        _profile = profile;
    }

    /// <param name="error">The failed call.</param>
    /// <param name="now">When it failed.</param>
    /// <param name="attempt">1 for the first failure of this send; the backoff doubles per attempt.</param>
    /// <param name="nextEligibleAt">The token's <c>next_eligible_time</c> when known, for "too soon".</param>
    public PlatformErrorAction Classify(PlatformError error, DateTimeOffset now, int attempt = 1, DateTimeOffset? nextEligibleAt = null)
    {
        ArgumentNullException.ThrowIfNull(error);
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

    private PlatformErrorAction Retry(PlatformError error, DateTimeOffset now, int attempt, string why) =>
        new(PlatformErrorActionKind.RetryLater, now + Backoff(attempt, error.RetryAfter), false, why, error);

    private static PlatformErrorAction Final(PlatformErrorActionKind kind, string why, PlatformError error) => new(kind, null, false, why, error);

    // Code 100 is Graph's generic "invalid parameter"; only when it names the token is the token dead.
    private static bool NamesToken(string? message) =>
        message is not null && message.Contains("notification_messages_token", StringComparison.OrdinalIgnoreCase);

    private TimeSpan TooSoonFallback() => _profile.SendRule.Interval ?? TimeSpan.FromDays(1);
}
