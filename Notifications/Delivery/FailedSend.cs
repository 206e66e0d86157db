using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// What a failed send attempt comes to, decided from its classified platform error
/// (docs/messenger-platform.md §5): try again after a wait, record a final outcome (with what changes
/// on the subscription: the reserved send withdrawn, the subscription retired, stopped or rescheduled),
/// or pause the page's sends or the campaign and hand the subscriber back, or try the other product. A value, so the whole table of errors and
/// their effects is tested without a sender or a store (<see cref="Decide"/>).
/// </summary>
public abstract record FailedSend
{
    private FailedSend()
    {
    }

    /// <summary>The same send again after <see cref="Wait"/>.</summary>
    public sealed record Retry(TimeSpan Wait) : FailedSend;

    /// <summary>The delivery's outcome, and the change its subscription needs (null: none; the reservation stands).</summary>
    public sealed record Final(DeliveryRecord Outcome, Func<Subscription, bool>? Change) : FailedSend;

    /// <summary>The page may not send until <see cref="Until"/>: this subscriber goes back unsent, the campaign waits.</summary>
    public sealed record PausePage(DateTimeOffset Until) : FailedSend;

    /// <summary>
    /// The campaign itself may not send until <see cref="Until"/> (a Meta campaign warming up, its budget
    /// spent, our request wrong, the account stopped): this subscriber goes back unsent and stays pending;
    /// the Page's other sends are not held. <see cref="Reason"/> says why.
    /// </summary>
    public sealed record HoldCampaign(DateTimeOffset Until, string Reason) : FailedSend;

    /// <summary>The product refused the token for its region: nothing went out, and the other product is tried for the same claim.</summary>
    public sealed record Reroute : FailedSend;

    /// <param name="claim">The subscriber's claim, from which the outcome is recorded.</param>
    /// <param name="reservedAt">When the send was reserved on the subscription (withdrawn unless the message may have arrived).</param>
    /// <param name="previousLastSentAt">The subscription's last send before the reservation, restored when it is withdrawn.</param>
    public static FailedSend Decide(
        PlatformErrorAction action,
        DeliveryRecord claim,
        int attempt,
        DateTimeOffset reservedAt,
        DateTimeOffset? previousLastSentAt,
        DateTimeOffset now,
        DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(options);
        var detail = action.Error.Body ?? action.Explanation;
        bool Withdraw(Subscription s) => s.WithdrawSend(claim.CampaignId, reservedAt, previousLastSentAt);
        switch (action.Kind)
        {
            case PlatformErrorActionKind.RetryLater when attempt < options.MaxAttempts:
                var wait = (action.At ?? now) - now;
                return new Retry(wait > options.MaxRetryWait ? options.MaxRetryWait : wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
            case PlatformErrorActionKind.RetryLater:
                return new Final(claim.Failed(DeliveryReasons.RetriesExhausted, detail, now, attempt), Withdraw);
            case PlatformErrorActionKind.OutcomeUnknown:
                // It may have arrived: the reservation stays, so the customer's period counts as used.
                return new Final(claim.Failed(DeliveryReasons.OutcomeUnknown, detail, now, attempt), null);
            case PlatformErrorActionKind.RetireSubscription:
                return new Final(claim.Failed(DeliveryReasons.SubscriptionRetired, detail, now, attempt), s => Withdraw(s) | s.Retire(now, action.Explanation));
            case PlatformErrorActionKind.MarkStopped:
                return new Final(claim.Failed(DeliveryReasons.StoppedByCustomer, detail, now, attempt), s => Withdraw(s) | s.Stop(now, ConsentReasons.RefusedAsStopped));
            case PlatformErrorActionKind.RescheduleAt:
                var next = action.At ?? now;
                return new Final(claim.Skipped(DeliveryReasons.TooSoonPerPlatform, now, next, detail), s =>
                {
                    Withdraw(s);
                    s.Reschedule(next);
                    return true;
                });
            case PlatformErrorActionKind.PausePageSends:
                return new PausePage(action.At ?? now + options.LeaseDuration);
            case PlatformErrorActionKind.RerouteToOtherProduct:
                return new Reroute();
            case PlatformErrorActionKind.SkipRecipient:
                // Not sent, not a failure: the person is held back (a frequency cap persists) and the reservation withdrawn.
                var eligibleAgain = action.At ?? now;
                return new Final(claim.Skipped(DeliveryReasons.SkippedByPlatform, now, eligibleAgain, detail), s =>
                {
                    Withdraw(s);
                    s.Reschedule(eligibleAgain);
                    return true;
                });
            case PlatformErrorActionKind.CampaignWaits:
                return new HoldCampaign(action.At ?? now + options.HeldCampaignRecheck, action.Explanation);
            case PlatformErrorActionKind.CampaignBudgetExhausted or PlatformErrorActionKind.FixRequest or PlatformErrorActionKind.StopMarketingMessages:
                return new HoldCampaign(now + options.HeldCampaignRecheck, action.Explanation);
            default:
                return new Final(claim.Failed(DeliveryReasons.UnknownPlatformError, detail, now, attempt), Withdraw);
        }
    }
}
