using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Delivery;

/// <summary>
/// The table of what a failed campaign send comes to, for every classified error: the outcome
/// recorded, and what happens to the subscription's reserved send (withdrawn, kept when the message
/// may have arrived), its status and its next eligible time.
/// </summary>
public sealed class FailedSendTests
{
    private static readonly DateTimeOffset OptedIn = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PreviousSend = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 5, 11, 9, 0, 0, TimeSpan.Zero);
    private static readonly DeliveryOptions Options = new() { MaxAttempts = 4, MaxRetryWait = TimeSpan.FromSeconds(30), LeaseDuration = TimeSpan.FromMinutes(5) };

    public static TheoryData<PlatformErrorActionKind, int, string> Table => new()
    {
        // kind, attempt: the outcome recorded | the subscription after it (status, last send, next eligible)
        { PlatformErrorActionKind.RetryLater, 4, "Failed RetriesExhausted | Active last=05-04 next=-" },
        { PlatformErrorActionKind.OutcomeUnknown, 1, "Failed OutcomeUnknown | Active last=05-11 next=-" },
        { PlatformErrorActionKind.RetireSubscription, 1, "Failed SubscriptionRetired | Retired last=05-04 next=-" },
        { PlatformErrorActionKind.MarkStopped, 1, "Failed StoppedByCustomer | Stopped last=05-04 next=-" },
        { PlatformErrorActionKind.RescheduleAt, 1, "Skipped TooSoonPerPlatform | Active last=05-04 next=05-12" },
        { PlatformErrorActionKind.Unknown, 1, "Failed UnknownPlatformError | Active last=05-04 next=-" },
        { PlatformErrorActionKind.RecordOfferedNoRetryThisWeek, 1, "Failed UnknownPlatformError | Active last=05-04 next=-" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_final_failure_records_its_outcome_and_changes_the_subscription_as_the_table_says(PlatformErrorActionKind kind, int attempt, string expected)
    {
        var subscription = Reserved();

        var decided = Assert.IsType<FailedSend.Final>(Decide(kind, attempt, at: Now.AddDays(1)));
        decided.Change?.Invoke(subscription);

        Assert.Equal(expected, $"{decided.Outcome.State} {decided.Outcome.Reason} | {Describe(subscription)}");
        Assert.Equal(attempt, kind == PlatformErrorActionKind.RescheduleAt ? attempt : decided.Outcome.Attempts);
        Assert.Equal("{\"error\":\"body\"}", decided.Outcome.Detail);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(300, 30)]
    [InlineData(-5, 0)]
    public void A_passing_failure_is_tried_again_after_the_platforms_wait_within_the_longest_wait(int seconds, int expectedSeconds)
    {
        var retry = Assert.IsType<FailedSend.Retry>(Decide(PlatformErrorActionKind.RetryLater, attempt: 1, at: Now.AddSeconds(seconds)));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), retry.Wait);
    }

    [Fact]
    public void A_page_restriction_pauses_the_page_until_it_lapses_or_for_a_lease()
    {
        Assert.Equal(Now.AddHours(6), Assert.IsType<FailedSend.PausePage>(Decide(PlatformErrorActionKind.PausePageSends, 1, Now.AddHours(6))).Until);
        Assert.Equal(Now + Options.LeaseDuration, Assert.IsType<FailedSend.PausePage>(Decide(PlatformErrorActionKind.PausePageSends, 1, at: null)).Until);
    }

    private static FailedSend Decide(PlatformErrorActionKind kind, int attempt, DateTimeOffset? at)
    {
        var error = new PlatformError(400, 100, null, "refused", Body: "{\"error\":\"body\"}");
        var claim = DeliveryRecord.Claim("campaign-1", "subscription-1", ChannelIds.Messenger, "psid-1", "instance-1", Now);
        return FailedSend.Decide(new PlatformErrorAction(kind, at, false, "explained", error), claim, attempt, Now, PreviousSend, Now, Options);
    }

    /// <summary>A weekly-deals subscriber whose send was reserved now, after one a week ago.</summary>
    private static Subscription Reserved()
    {
        var subscription = Subscription.OptInOnMessenger("weekly-deals", null, "psid-1", "token-1", "Europe/Berlin", null, null, "Current", SubscriptionOrigin.RequestedByUs, OptedIn);
        subscription.RecordSent(PreviousSend);
        subscription.RecordSent(Now);
        return subscription;
    }

    private static string Describe(Subscription s) =>
        $"{s.Status} last={s.LastSentAt:MM-dd} next={(s.NextEligibleAt is { } next ? next.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "-")}";
}
