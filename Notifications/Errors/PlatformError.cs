namespace ConversationBot.Notifications.Errors;

/// <summary>
/// A failed Graph API call as the domain sees it: the host parses the HTTP response (status,
/// <c>Retry-After</c>, the <c>error</c> object of docs/messenger-platform.md §5) into this; <see cref="Body"/> is
/// the raw body, kept for unknown errors.
/// </summary>
public sealed record PlatformError(
    int? HttpStatus,
    int? Code,
    int? Subcode,
    string? Message,
    TimeSpan? RetryAfter = null,
    bool TimedOut = false,
    string? Body = null)
{
    /// <summary>A call that got no answer in time.</summary>
    public static PlatformError Timeout() => new(null, null, null, "timed out", TimedOut: true);

    /// <summary>A call that got no answer at all (connection refused or reset): as transient as a time-out.</summary>
    public static PlatformError Unreachable(string message) => new(null, null, null, message, TimedOut: true);
}
