using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Notifications.Eligibility;

public class EligibilityPolicyTests
{
    private static readonly DateTimeOffset OptedIn = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static Subscription OnMessenger(Topic topic, PlatformProfile profile, Frequency? tokenFrequency = null, DateTimeOffset? expiresAt = null) =>
        Subscription.OptInOnMessenger(topic.Id, topic.Title, "psid-1", "token-1", "Europe/Zurich", tokenFrequency, expiresAt, profile.Name, SubscriptionOrigin.RequestedByUs, OptedIn);

    private static Subscription OnEmulator(Topic topic) =>
        Subscription.OptInWithConversationReference(topic.Id, topic.Title, "emulator", "user-1", "{\"conversation\":{}}", "Europe/Zurich", topic.Frequency, PlatformProfile.CurrentName, OptedIn);

    [Fact]
    public void Under_Current_a_token_is_too_soon_at_47_59_and_eligible_at_48_00_after_the_last_send()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 2, 10, 0, 0, TimeSpan.Zero));
        var policy = new EligibilityPolicy(PlatformProfile.Current, "DE");
        var subscription = OnMessenger(TestTopics.OrderUpdates, PlatformProfile.Current);
        subscription.RecordSent(clock.GetUtcNow());
        var allowedAt = clock.GetUtcNow().AddHours(48);

        clock.Advance(TimeSpan.FromHours(47) + TimeSpan.FromMinutes(59));
        var early = policy.Evaluate(subscription, TestTopics.OrderUpdates, clock.GetUtcNow());
        Assert.Equal(SendEligibility.NotEligible(NotEligibleReason.TooSoonForToken, allowedAt), early);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(policy.Evaluate(subscription, TestTopics.OrderUpdates, clock.GetUtcNow()).IsEligible);
    }

    [Fact]
    public void Under_Current_a_weekly_topics_promise_is_stricter_than_48_hours_and_wins()
    {
        var monday = new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);
        var subscription = OnMessenger(TestTopics.WeeklyDeals, PlatformProfile.Current);
        subscription.RecordSent(monday);

        var result = new EligibilityPolicy(PlatformProfile.Current, "DE").Evaluate(subscription, TestTopics.WeeklyDeals, monday.AddHours(50));

        Assert.Equal(NotEligibleReason.AlreadySentThisPeriod, result.Reason);
        Assert.Equal(new DateTimeOffset(2026, 2, 8, 23, 0, 0, TimeSpan.Zero), result.NextEligibleAt); // Monday 00:00 CET
    }

    [Fact]
    public void Off_Messenger_only_the_topics_promise_applies_so_a_daily_topic_may_send_the_next_local_day()
    {
        var subscription = OnEmulator(TestTopics.OrderUpdates);
        var sent = new DateTimeOffset(2026, 2, 2, 22, 30, 0, TimeSpan.Zero); // 23:30 in Zurich
        subscription.RecordSent(sent);
        var policy = new EligibilityPolicy(PlatformProfile.Current, "DE");

        var sameDay = policy.Evaluate(subscription, TestTopics.OrderUpdates, sent.AddMinutes(29));
        Assert.Equal(SendEligibility.NotEligible(NotEligibleReason.AlreadySentThisPeriod, sent.AddMinutes(30)), sameDay);
        Assert.True(policy.Evaluate(subscription, TestTopics.OrderUpdates, sent.AddMinutes(30)).IsEligible);
    }

    [Fact]
    public void Under_Launch2022_a_weekly_token_may_send_again_at_Monday_00_00_local_across_the_spring_change()
    {
        var subscription = OnMessenger(TestTopics.WeeklyDeals, PlatformProfile.Launch2022, Frequency.Weekly, OptedIn.AddMonths(9));
        var mondayMidnight = new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero); // Monday 30 March 00:00 CEST
        subscription.RecordSent(new DateTimeOffset(2026, 3, 23, 8, 0, 0, TimeSpan.Zero));
        var policy = new EligibilityPolicy(PlatformProfile.Launch2022, null);

        var sundayLate = policy.Evaluate(subscription, TestTopics.WeeklyDeals, mondayMidnight.AddMinutes(-1));
        Assert.False(sundayLate.IsEligible);
        Assert.Equal(mondayMidnight, sundayLate.NextEligibleAt);
        Assert.True(policy.Evaluate(subscription, TestTopics.WeeklyDeals, mondayMidnight).IsEligible);
    }

    [Fact]
    public void Under_Launch2022_a_monthly_token_may_send_again_at_the_first_of_the_month_local()
    {
        var subscription = OnMessenger(TestTopics.Newsletter, PlatformProfile.Launch2022, Frequency.Monthly, OptedIn.AddMonths(12));
        var februaryFirst = new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero); // 1 Feb 00:00 CET
        subscription.RecordSent(new DateTimeOffset(2026, 1, 20, 8, 0, 0, TimeSpan.Zero));
        var policy = new EligibilityPolicy(PlatformProfile.Launch2022, null);

        Assert.False(policy.Evaluate(subscription, TestTopics.Newsletter, februaryFirst.AddMinutes(-1)).IsEligible);
        Assert.True(policy.Evaluate(subscription, TestTopics.Newsletter, februaryFirst).IsEligible);
    }

    [Fact]
    public void Under_Launch2022_the_tokens_own_frequency_limits_even_when_the_topic_promises_less()
    {
        // A weekly token for a daily topic: the platform allows one per week, the stricter wins.
        var subscription = OnMessenger(TestTopics.OrderUpdates, PlatformProfile.Launch2022, Frequency.Weekly, OptedIn.AddMonths(9));
        var tuesday = new DateTimeOffset(2026, 2, 3, 8, 0, 0, TimeSpan.Zero);
        subscription.RecordSent(tuesday);

        var result = new EligibilityPolicy(PlatformProfile.Launch2022, null).Evaluate(subscription, TestTopics.OrderUpdates, tuesday.AddDays(1));

        Assert.Equal(NotEligibleReason.TooSoonForToken, result.Reason);
        Assert.Equal(new DateTimeOffset(2026, 2, 8, 23, 0, 0, TimeSpan.Zero), result.NextEligibleAt);
    }

    [Theory]
    [InlineData(Frequency.Daily, 6)]
    [InlineData(Frequency.Weekly, 9)]
    [InlineData(Frequency.Monthly, 12)]
    public void Under_Launch2022_a_token_expires_after_its_frequencys_lifetime(Frequency frequency, int months)
    {
        var expiry = PlatformProfile.Launch2022.TokenLifetime.ExpiryFor(frequency, OptedIn);
        Assert.Equal(OptedIn.AddMonths(months), expiry);
        var subscription = OnMessenger(TestTopics.WeeklyDeals, PlatformProfile.Launch2022, frequency, expiry);
        var policy = new EligibilityPolicy(PlatformProfile.Launch2022, null);

        Assert.True(policy.Evaluate(subscription, TestTopics.WeeklyDeals, expiry!.Value.AddMinutes(-1)).IsEligible);
        Assert.Equal(SendEligibility.NotEligible(NotEligibleReason.Expired), policy.Evaluate(subscription, TestTopics.WeeklyDeals, expiry.Value));
    }

    [Fact]
    public void Under_Current_tokens_do_not_expire()
    {
        Assert.Null(PlatformProfile.Current.TokenLifetime.ExpiryFor(Frequency.Daily, OptedIn));
        var subscription = OnMessenger(TestTopics.WeeklyDeals, PlatformProfile.Current);
        Assert.True(new EligibilityPolicy(PlatformProfile.Current, "UK").Evaluate(subscription, TestTopics.WeeklyDeals, OptedIn.AddYears(5)).IsEligible);
    }

    [Fact]
    public void A_stopped_subscription_is_never_eligible_and_a_resumed_one_is_again()
    {
        var subscription = OnMessenger(TestTopics.WeeklyDeals, PlatformProfile.Current);
        var policy = new EligibilityPolicy(PlatformProfile.Current, "DE");
        subscription.Stop(OptedIn.AddDays(1));
        Assert.Equal(SendEligibility.NotEligible(NotEligibleReason.Stopped), policy.Evaluate(subscription, TestTopics.WeeklyDeals, OptedIn.AddDays(30)));
        subscription.Resume(OptedIn.AddDays(2));
        Assert.True(policy.Evaluate(subscription, TestTopics.WeeklyDeals, OptedIn.AddDays(30)).IsEligible);
    }

    [Fact]
    public void A_retired_subscription_is_never_eligible_under_either_profile()
    {
        foreach (var profile in PlatformProfile.BuiltIns)
        {
            var subscription = OnMessenger(TestTopics.WeeklyDeals, profile);
            subscription.Retire(OptedIn.AddDays(1), "token invalid");
            Assert.Equal(NotEligibleReason.Retired, new EligibilityPolicy(profile, "DE").Evaluate(subscription, TestTopics.WeeklyDeals, OptedIn.AddDays(2)).Reason);
        }
    }

    [Fact]
    public void The_platforms_own_next_eligible_time_is_respected()
    {
        var subscription = OnMessenger(TestTopics.WeeklyDeals, PlatformProfile.Current);
        var next = OptedIn.AddHours(30);
        subscription.Reschedule(next);
        var result = new EligibilityPolicy(PlatformProfile.Current, "DE").Evaluate(subscription, TestTopics.WeeklyDeals, OptedIn.AddHours(1));
        Assert.Equal(SendEligibility.NotEligible(NotEligibleReason.TooSoonForToken, next), result);
    }

    [Theory]
    [InlineData("CH", false)]
    [InlineData("US", false)]
    [InlineData("DE", true)]
    [InlineData("GB", true)]
    [InlineData("JP", true)]
    public void Under_Current_Messenger_sends_outside_the_five_regions_are_refused(string region, bool eligible)
    {
        var result = new EligibilityPolicy(PlatformProfile.Current, region).Evaluate(OnMessenger(TestTopics.WeeklyDeals, PlatformProfile.Current), TestTopics.WeeklyDeals, OptedIn);
        Assert.Equal(eligible, result.IsEligible);
        Assert.True(new EligibilityPolicy(PlatformProfile.Launch2022, region).Evaluate(OnMessenger(TestTopics.WeeklyDeals, PlatformProfile.Launch2022), TestTopics.WeeklyDeals, OptedIn).IsEligible);
        Assert.True(new EligibilityPolicy(PlatformProfile.Current, region).Evaluate(OnEmulator(TestTopics.WeeklyDeals), TestTopics.WeeklyDeals, OptedIn).IsEligible);
    }

    [Fact]
    public void While_the_page_is_restricted_from_sending_Messenger_subscriptions_wait_until_the_pause_ends()
    {
        var until = OptedIn.AddHours(6);
        var result = new EligibilityPolicy(PlatformProfile.Current, "DE")
            .Evaluate(OnMessenger(TestTopics.WeeklyDeals, PlatformProfile.Current), TestTopics.WeeklyDeals, OptedIn, new PageStatus(null, until));
        Assert.Equal(SendEligibility.NotEligible(NotEligibleReason.PageSendsPaused, until), result);
    }
}
