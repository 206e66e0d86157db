namespace ConversationBot.Notifications.OptIns;

public enum OptInDenialReason
{
    TopicUnknown,

    /// <summary>
    /// Azure Bot Service's Facebook channel: Messenger underneath, but neither the opt-in template nor
    /// its token reach the bot through it, so nothing it could accept would ever be honoured.
    /// </summary>
    ChannelCannotHoldConsent,
    OutsideRegion,

    /// <summary>More than 24 h since the customer's last message (docs/messenger-platform.md §2).</summary>
    WindowClosed,

    /// <summary>The platform barred the page from opt-in requests (docs/messenger-platform.md §5, 10/1404170).</summary>
    PageBarredFromOptIns,

    /// <summary>The platform restricted the page from sending (docs/messenger-platform.md §5, 10/1893063): it cannot ask anyone either.</summary>
    PageRestrictedFromSending,

    /// <summary>Too many people stopped this topic lately (<see cref="StopRate.StopRateGuard"/>).</summary>
    TopicPausedByStopRate,

    AlreadySubscribed,

    /// <summary>The same title (or topic) was requested within the profile's limit or our cooldown, whichever is longer.</summary>
    SameTitleRequestedRecently,

    /// <summary>The customer said "Not now" or stopped the topic within the decline cooldown.</summary>
    DeclinedRecently,

    /// <summary>Our per-customer daily cap (Notifications:OptIns:DailyCap) in the customer's day.</summary>
    DailyCapReached,

    /// <summary>The platform said "too many opt-in requests" to this person (9/2018352): no offers until its block ends.</summary>
    PlatformSaidTooManyRequests,

    /// <summary>The platform refused the request for a reason that changes nothing here (a rate limit, a fault).</summary>
    PlatformRefused,
}
