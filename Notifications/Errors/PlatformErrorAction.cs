namespace ConversationBot.Notifications.Errors;

/// <summary>
/// A classified platform error. <see cref="At"/> is when to act again: the retry instant for
/// <see cref="PlatformErrorActionKind.RetryLater"/>, the reschedule instant, or the end of a pause or
/// block; <c>null</c> for final outcomes. <see cref="AlertOperator"/> marks page-wide trouble.
/// </summary>
public sealed record PlatformErrorAction(
    PlatformErrorActionKind Kind,
    DateTimeOffset? At,
    bool AlertOperator,
    string Explanation,
    PlatformError Error)
{
    /// <summary>Whether the same send may be attempted again at all.</summary>
    public bool MayRetry => Kind is PlatformErrorActionKind.RetryLater or PlatformErrorActionKind.RescheduleAt;
}
