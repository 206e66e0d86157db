namespace ConversationBot.Notifications.Timing;

/// <summary>
/// When one subscriber's message of a campaign is due, and why then: at the campaign's start, at their
/// local time (<see cref="SendTimingReason.LocalTime"/>), or at the end of their quiet hours
/// (<see cref="SendTimingReason.QuietHours"/>). A value, so the page's work and the preview decide alike.
/// </summary>
public sealed record SendTiming(DateTimeOffset DueAt, SendTimingReason Reason)
{
    /// <summary>Whether the subscriber must wait at <paramref name="now"/>, and for what.</summary>
    public bool IsWaitingAt(DateTimeOffset now) => DueAt > now;

    public override string ToString() => $"due {DueAt:O} ({Reason})";
}
