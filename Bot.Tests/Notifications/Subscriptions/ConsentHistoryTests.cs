using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications.Subscriptions;

/// <summary>What the console's customer page shows of a consent: every change with when and why, bounded, never the token.</summary>
public sealed class ConsentHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 6, 10, 0, 0, TimeSpan.Zero);

    private static Subscription New() =>
        Subscription.OptInOnMessenger("weekly-deals", "Weekly deals", "psid", "token-secret", null, Frequency.Weekly, At.AddDays(180), "Launch2022", SubscriptionOrigin.RequestedByUs, At);

    [Fact]
    public void Each_change_of_consent_is_kept_with_its_time_and_reason_and_ignored_events_are_not()
    {
        var subscription = New();
        subscription.Stop(At.AddHours(1), ConsentReasons.TypedStop);
        subscription.Stop(At.AddHours(2), ConsentReasons.TypedStop);
        subscription.Resume(At.AddHours(3));
        subscription.Refresh("token-renewed", At.AddDays(200), At.AddHours(4));
        subscription.Retire(At.AddHours(5), "token invalid (10/2018399)");
        subscription.RenewConsent("token-new", null, null, Frequency.Weekly, null, "Current", SubscriptionOrigin.RequestedByUs, At.AddDays(1));

        Assert.Equal(
            [
                new ConsentHistoryEntry(ConsentChange.OptedIn, At),
                new ConsentHistoryEntry(ConsentChange.Stopped, At.AddHours(1), ConsentReasons.TypedStop),
                new ConsentHistoryEntry(ConsentChange.Resumed, At.AddHours(3)),
                new ConsentHistoryEntry(ConsentChange.Refreshed, At.AddHours(4)),
                new ConsentHistoryEntry(ConsentChange.Retired, At.AddHours(5), "token invalid (10/2018399)"),
                new ConsentHistoryEntry(ConsentChange.Renewed, At.AddDays(1)),
            ],
            subscription.History);
        Assert.DoesNotContain(subscription.History, e => e.Reason?.Contains("token-", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Only_the_newest_changes_are_kept_so_a_subscription_never_outgrows_its_document()
    {
        var subscription = New();
        for (var i = 1; i <= 30; i++)
        {
            subscription.Stop(At.AddHours(2 * i));
            subscription.Resume(At.AddHours((2 * i) + 1));
        }

        Assert.Equal(Subscription.MaxHistory, subscription.History.Count);
        Assert.Equal(new ConsentHistoryEntry(ConsentChange.Resumed, At.AddHours(61)), subscription.History[^1]);
        Assert.Equal(ConsentChange.Stopped, subscription.History[0].Change);
    }

    [Fact]
    public void The_history_survives_the_store_round_trip_and_a_subscription_stored_before_it_has_none()
    {
        var subscription = New();
        subscription.Stop(At.AddHours(1), ConsentReasons.OperatorStop);

        var restored = Subscription.Restore(subscription.ToSnapshot());
        var older = Subscription.Restore(subscription.ToSnapshot() with { History = null });

        Assert.Equal(subscription.History, restored.History);
        Assert.Empty(older.History);
    }
}
