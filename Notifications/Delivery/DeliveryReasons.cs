namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Why a delivery was skipped or failed, as stable codes for counts and the admin API. Skips use
/// the names of <see cref="Eligibility.NotEligibleReason"/>; these are the rest.
/// </summary>
public static class DeliveryReasons
{
    /// <summary>Transient failures the platform answered (429, 5xx) or calls that never left went on past the last attempt.</summary>
    public const string RetriesExhausted = "RetriesExhausted";

    /// <summary>The platform said the token is invalid or expired, or the person is gone: the subscription is retired.</summary>
    public const string SubscriptionRetired = "SubscriptionRetired";

    /// <summary>The platform said the person stopped the topic: the subscription is stopped.</summary>
    public const string StoppedByCustomer = "StoppedByCustomer";

    /// <summary>The platform said too soon for this token: rescheduled, not a failure.</summary>
    public const string TooSoonPerPlatform = "TooSoonPerPlatform";

    /// <summary>The platform said this person cannot get it now (a frequency cap, the conversation gap, unavailable): skipped, tried again no sooner than the record's next eligible time.</summary>
    public const string SkippedByPlatform = "SkippedByPlatform";

    /// <summary>A product refused the token for its region and the other could not take it (not configured, or too soon under its rule).</summary>
    public const string NoProductServesRegion = "NoProductServesRegion";

    /// <summary>An error nobody classified: recorded with its body, not retried blindly.</summary>
    public const string UnknownPlatformError = "UnknownPlatformError";

    /// <summary>The subscription has no channel address the senders know (no token, no conversation reference).</summary>
    public const string NoSender = "NoSender";

    /// <summary>
    /// The message may or may not have gone out: the send timed out or its connection broke after
    /// the request was written, or the instance that claimed this subscriber stopped before recording
    /// the outcome. Sending again could send it twice, so it is not resent, and the customer's period
    /// counts as used.
    /// </summary>
    public const string OutcomeUnknown = "OutcomeUnknown";

    /// <summary>The subscription changed under us too often to reserve the send.</summary>
    public const string Contended = "Contended";
}
