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

    /// <summary>The product refused this token for its region (Marketing Messages 2300032): the other product carries it; not a failure.</summary>
    RerouteToOtherProduct,

    /// <summary>This person cannot get it now (a frequency cap, the conversation gap, unavailable): skipped in this send, tried again no sooner than <see cref="PlatformErrorAction.At"/>.</summary>
    SkipRecipient,

    /// <summary>The Meta campaign is not ready (warm-up, start time, daily budget): the whole campaign waits until <see cref="PlatformErrorAction.At"/>; nobody fails.</summary>
    CampaignWaits,

    /// <summary>The campaign's budget is spent: the campaign pauses with this reason, everyone left stays pending until the budget is raised.</summary>
    CampaignBudgetExhausted,

    /// <summary>Our request or campaign is wrong (message shape, campaign id, targeting): the run stops and the operator is told; nobody is marked sent or failed for it.</summary>
    FixRequest,

    /// <summary>The account or onboarding is wrong (terms, payment, permissions, regions): every Marketing Messages send of the Page stops until the operator fixes it.</summary>
    StopMarketingMessages,
}
