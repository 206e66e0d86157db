using ConversationBot.Notifications.Products;

namespace ConversationBot.Notifications.Errors;

/// <summary>
/// A failed Graph API call as the domain sees it: the host parses the HTTP response (status,
/// <c>Retry-After</c>, the <c>error</c> object of docs/messenger-platform.md §5) into this; <see cref="Body"/> is
/// the raw body, kept for unknown errors. A call that got no answer says whether the request could
/// have reached the platform (<see cref="MayHaveArrived"/>): only one that certainly did not may be
/// sent again, because a message must never go out twice. <see cref="Remaining"/> is Meta's
/// <c>error_data.remaining_seconds</c> (Marketing Messages' pacing errors, docs/marketing-messages.md §4);
/// <see cref="Product"/> says which product the refused call went through, when the caller knows.
/// </summary>
public sealed record PlatformError(
    int? HttpStatus,
    int? Code,
    int? Subcode,
    string? Message,
    TimeSpan? RetryAfter = null,
    bool MayHaveArrived = false,
    string? Body = null,
    bool NotSent = false,
    TimeSpan? Remaining = null,
    MessengerProduct? Product = null)
{
    /// <summary>A call that got no answer in time, after the request went out: it may have arrived.</summary>
    public static PlatformError Timeout() => new(null, null, null, "timed out", MayHaveArrived: true);

    /// <summary>No connection could be made (refused, name not resolved, TLS failed): nothing was sent, so sending again is safe.</summary>
    public static PlatformError Unreachable(string message) => new(null, null, null, message, NotSent: true);

    /// <summary>The connection broke after the request was written, or the answer was unreadable: it may have arrived.</summary>
    public static PlatformError ConnectionLost(string message) => new(null, null, null, message, MayHaveArrived: true);
}
