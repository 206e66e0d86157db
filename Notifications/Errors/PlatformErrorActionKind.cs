namespace ConversationBot.Notifications.Errors;

/// <summary>What the bot does about a platform error (docs/messenger-platform.md §5, column "the bot").</summary>
public enum PlatformErrorActionKind
{
    /// <summary>Token invalid or expired, or the person is unavailable: retire, never retry.</summary>
    RetireSubscription,

    /// <summary>The person stopped this topic: mark stopped, never retry.</summary>
    MarkStopped,

    /// <summary>Too soon for this token: not a failure; send again at the next eligible time.</summary>
    RescheduleAt,

    /// <summary>Rate limit or transient fault the platform answered, or a call that never left: retry after the backoff or Retry-After.</summary>
    RetryLater,

    /// <summary>No answer after the request went out (time-out, connection lost): it may have arrived, so never sent again.</summary>
    OutcomeUnknown,

    /// <summary>The same opt-in title was already requested this week: count it as offered, do not retry this week.</summary>
    RecordOfferedNoRetryThisWeek,

    /// <summary>Too many opt-in requests to this person: no more offers to them today.</summary>
    StopOffersToCustomerForDay,

    /// <summary>The page is barred from opt-in requests: stop offering page-wide and alert.</summary>
    PausePageOptIns,

    /// <summary>The page is restricted from sending: pause its campaigns and alert.</summary>
    PausePageSends,

    /// <summary>Anything else: record the whole body, do not retry blindly.</summary>
    Unknown,
}
