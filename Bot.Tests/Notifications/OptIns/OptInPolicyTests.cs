using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Tests.Notifications.OptIns;

public class OptInPolicyTests
{
    private const string Customer = "psid-1";
    private static readonly DateTimeOffset Now = new(2026, 5, 6, 10, 0, 0, TimeSpan.Zero);

    private static OptInPolicy Policy(PlatformProfile profile, OptInPolicyOptions? options = null, string? region = "DE") =>
        new(TestTopics.Catalog, profile, options ?? new OptInPolicyOptions(), region);

    private static OptInContext Context(
        string channel = ChannelIds.Messenger,
        DateTimeOffset? lastCustomerMessage = null,
        OfferHistory? history = null,
        IReadOnlyList<Subscription>? subscriptions = null,
        PageStatus? page = null,
        StopRateStatus? stopRate = null) =>
        new(channel, Customer, MessagingWindow.Restore(channel, Customer, lastCustomerMessage ?? Now.AddMinutes(-5)), history ?? OfferHistory.Empty, subscriptions ?? [], page ?? PageStatus.Unrestricted, stopRate);

    private static Subscription Subscribed(PlatformProfile profile, DateTimeOffset optedIn, DateTimeOffset? expiresAt = null) =>
        Subscription.OptInOnMessenger("weekly-deals", "Weekly deals from our shop", Customer, "token", "Europe/Zurich", null, expiresAt, profile.Name, SubscriptionOrigin.RequestedByUs, optedIn);

    public static TheoryData<string> Profiles => new() { PlatformProfile.Launch2022Name, PlatformProfile.CurrentName };

    private static PlatformProfile Named(string name) => PlatformProfile.Resolve(name, null);

    [Fact]
    public void Azure_Bot_Services_facebook_channel_is_offered_nothing_it_could_never_honour()
    {
        var decision = Policy(PlatformProfile.Current).Decide("weekly-deals", Context(channel: ChannelIds.Facebook), Now);

        Assert.Equal(OptInDenialReason.ChannelCannotHoldConsent, decision.Reason);
        Assert.True(Policy(PlatformProfile.Current).Decide("weekly-deals", Context(channel: "webchat"), Now).IsAllowed);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void An_offer_inside_the_window_to_a_fresh_customer_is_allowed(string profile) =>
        Assert.Equal(OptInDecision.Allow(), Policy(Named(profile)).Decide("weekly-deals", Context(), Now));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void No_offer_at_24_00_after_the_last_customer_message_but_one_at_23_59(string profile)
    {
        var policy = Policy(Named(profile));
        Assert.True(policy.Decide("weekly-deals", Context(lastCustomerMessage: Now.AddHours(-24).AddMinutes(1)), Now).IsAllowed);
        Assert.Equal(OptInDenialReason.WindowClosed, policy.Decide("weekly-deals", Context(lastCustomerMessage: Now.AddHours(-24)), Now).Reason);
        Assert.Equal(OptInDenialReason.WindowClosed, policy.Decide("weekly-deals", Context(lastCustomerMessage: Now.AddHours(-24).AddMinutes(-1)), Now).Reason);
    }

    [Fact]
    public void An_unknown_topic_is_never_offered() =>
        Assert.Equal(OptInDenialReason.TopicUnknown, Policy(PlatformProfile.Current).Decide("lottery", Context(), Now).Reason);

    [Theory]
    [MemberData(nameof(Profiles))]
    public void No_offer_to_a_customer_already_subscribed(string profile) =>
        Assert.Equal(
            OptInDenialReason.AlreadySubscribed,
            Policy(Named(profile)).Decide("weekly-deals", Context(subscriptions: [Subscribed(Named(profile), Now.AddDays(-30), Now.AddMonths(6))]), Now).Reason);

    [Fact]
    public void Under_Current_the_same_title_may_be_asked_again_at_7_days_but_not_at_6_days_23_59()
    {
        var policy = Policy(PlatformProfile.Current, new OptInPolicyOptions { SameTitleCooldown = TimeSpan.FromDays(1), DeclineCooldown = TimeSpan.FromDays(30) });
        OfferHistory AskedAt(TimeSpan ago) => new([new OptInRequestRecord("weekly-deals", "Weekly deals from our shop", Now - ago)], []);

        var tooSoon = policy.Decide("weekly-deals", Context(history: AskedAt(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1))), Now);
        Assert.Equal(OptInDenialReason.SameTitleRequestedRecently, tooSoon.Reason);
        Assert.Equal(Now.AddMinutes(1), tooSoon.RetryAfter);
        Assert.True(policy.Decide("weekly-deals", Context(history: AskedAt(TimeSpan.FromDays(7))), Now).IsAllowed);
    }

    [Fact]
    public void Under_Launch2022_our_own_cooldown_decides_how_soon_the_same_title_may_be_asked_again()
    {
        var policy = Policy(PlatformProfile.Launch2022, new OptInPolicyOptions { SameTitleCooldown = TimeSpan.FromDays(3) });
        OfferHistory AskedAt(TimeSpan ago) => new([new OptInRequestRecord("weekly-deals", "Weekly deals from our shop", Now - ago)], []);

        Assert.Equal(OptInDenialReason.SameTitleRequestedRecently, policy.Decide("weekly-deals", Context(history: AskedAt(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1))), Now).Reason);
        Assert.True(policy.Decide("weekly-deals", Context(history: AskedAt(TimeSpan.FromDays(3))), Now).IsAllowed);
    }

    [Fact]
    public void Our_cooldown_wins_over_the_platform_limit_when_it_is_longer()
    {
        var policy = Policy(PlatformProfile.Current, new OptInPolicyOptions { SameTitleCooldown = TimeSpan.FromDays(14) });
        var history = new OfferHistory([new OptInRequestRecord("weekly-deals", "Weekly deals from our shop", Now.AddDays(-10))], []);
        var decision = policy.Decide("weekly-deals", Context(history: history), Now);
        Assert.Equal(OptInDenialReason.SameTitleRequestedRecently, decision.Reason);
        Assert.Equal(Now.AddDays(4), decision.RetryAfter);
    }

    [Fact]
    public void A_request_that_carried_the_German_title_counts_for_the_same_topic()
    {
        var history = new OfferHistory([new OptInRequestRecord("something-renamed", "Wöchentliche Angebote aus unserem Shop", Now.AddDays(-1))], []);
        Assert.Equal(OptInDenialReason.SameTitleRequestedRecently, Policy(PlatformProfile.Current).Decide("weekly-deals", Context(history: history), Now).Reason);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void No_offer_within_the_decline_cooldown_after_Not_now(string profile)
    {
        var policy = Policy(Named(profile), new OptInPolicyOptions { DeclineCooldown = TimeSpan.FromDays(60) });
        OfferHistory DeclinedAt(TimeSpan ago) => new([], [new OptInDeclineRecord("weekly-deals", Now - ago)]);

        Assert.Equal(OptInDenialReason.DeclinedRecently, policy.Decide("weekly-deals", Context(history: DeclinedAt(TimeSpan.FromDays(60) - TimeSpan.FromMinutes(1))), Now).Reason);
        Assert.True(policy.Decide("weekly-deals", Context(history: DeclinedAt(TimeSpan.FromDays(60))), Now).IsAllowed);
    }

    [Fact]
    public void A_customer_who_stopped_the_topic_is_not_asked_again_within_the_decline_cooldown()
    {
        var subscription = Subscribed(PlatformProfile.Current, Now.AddDays(-40));
        subscription.Stop(Now.AddDays(-10));
        var decision = Policy(PlatformProfile.Current).Decide("weekly-deals", Context(subscriptions: [subscription]), Now);
        Assert.Equal(OptInDenialReason.DeclinedRecently, decision.Reason);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void No_offer_above_the_daily_cap_in_the_customers_day(string profile)
    {
        var policy = Policy(Named(profile), new OptInPolicyOptions { DailyCap = 2 });
        var oneToday = new OfferHistory([new OptInRequestRecord("order-updates", "Order updates", Now.AddHours(-1))], []);
        var twoToday = oneToday with { Requests = [.. oneToday.Requests, new OptInRequestRecord("monthly-newsletter", "Monthly newsletter", Now.AddHours(-2))] };

        Assert.True(policy.Decide("weekly-deals", Context(history: oneToday), Now).IsAllowed);
        var capped = policy.Decide("weekly-deals", Context(history: twoToday), Now);
        Assert.Equal(OptInDenialReason.DailyCapReached, capped.Reason);
        Assert.Equal(new DateTimeOffset(2026, 5, 7, 0, 0, 0, TimeSpan.Zero), capped.RetryAfter);
    }

    [Fact]
    public void The_daily_cap_resets_at_midnight_in_the_customers_timezone()
    {
        var policy = Policy(PlatformProfile.Current, new OptInPolicyOptions { DailyCap = 1 });
        // 21:30Z on 5 May is 23:30 in Zurich; 22:30Z is 00:30 on 6 May there.
        var history = new OfferHistory([new OptInRequestRecord("order-updates", "Order updates", new DateTimeOffset(2026, 5, 5, 21, 30, 0, TimeSpan.Zero))], []);
        var at = new DateTimeOffset(2026, 5, 5, 22, 30, 0, TimeSpan.Zero);
        var context = Context(history: history, lastCustomerMessage: at) with { TimeZoneId = "Europe/Zurich" };
        Assert.True(policy.Decide("weekly-deals", context, at).IsAllowed);
        Assert.Equal(OptInDenialReason.DailyCapReached, policy.Decide("weekly-deals", context with { TimeZoneId = null }, at).Reason);
    }

    [Fact]
    public void After_the_platform_says_too_many_requests_no_offers_until_the_block_ends()
    {
        var history = OfferHistory.Empty with { OffersBlockedUntil = Now.AddHours(3) };
        var decision = Policy(PlatformProfile.Current).Decide("weekly-deals", Context(history: history), Now);
        Assert.Equal(OptInDenialReason.PlatformSaidTooManyRequests, decision.Reason);
        Assert.Equal(Now.AddHours(3), decision.RetryAfter);
    }

    [Fact]
    public void No_Messenger_offer_while_the_page_is_barred_but_other_channels_continue()
    {
        var page = new PageStatus(Now.AddHours(2), null);
        var policy = Policy(PlatformProfile.Current);
        var barred = policy.Decide("weekly-deals", Context(page: page), Now);
        Assert.Equal(OptInDenialReason.PageBarredFromOptIns, barred.Reason);
        Assert.Equal(Now.AddHours(2), barred.RetryAfter);
        Assert.True(policy.Decide("weekly-deals", Context(page: page), Now.AddHours(2)).IsAllowed);
        Assert.True(policy.Decide("weekly-deals", Context(channel: "emulator", page: page), Now).IsAllowed);
    }

    [Fact]
    public void No_offer_of_a_topic_paused_by_the_stop_rate_guard_and_the_reason_carries_the_numbers()
    {
        var paused = new StopRateGuard(new StopRateOptions()).Evaluate("weekly-deals", new StopRateCounts(20, 10));
        var decision = Policy(PlatformProfile.Current).Decide("weekly-deals", Context(stopRate: paused), Now);
        Assert.Equal(OptInDenialReason.TopicPausedByStopRate, decision.Reason);
        Assert.Contains("10 stops against 20 opt-ins", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_Current_no_Messenger_offer_outside_the_five_regions()
    {
        Assert.Equal(OptInDenialReason.OutsideRegion, Policy(PlatformProfile.Current, region: "US").Decide("weekly-deals", Context(), Now).Reason);
        Assert.True(Policy(PlatformProfile.Launch2022, region: "US").Decide("weekly-deals", Context(), Now).IsAllowed);
        Assert.True(Policy(PlatformProfile.Current, region: "US").Decide("weekly-deals", Context(channel: "webchat"), Now).IsAllowed);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("BR")]
    [InlineData("IN")]
    public void With_Marketing_Messages_set_up_a_shop_outside_the_five_regions_offers_opt_ins_again(string region)
    {
        var reach = new MessengerReach(PlatformProfile.Current, region, marketingMessagesConfigured: true);

        Assert.True(new OptInPolicy(TestTopics.Catalog, reach, new OptInPolicyOptions()).Decide("weekly-deals", Context(), Now).IsAllowed);
    }

    [Fact]
    public void A_business_outside_the_20_Marketing_Messages_regions_and_the_five_is_refused_with_both_reasons()
    {
        var reach = new MessengerReach(PlatformProfile.Current, "CH", marketingMessagesConfigured: true);

        var decision = new OptInPolicy(TestTopics.Catalog, reach, new OptInPolicyOptions()).Decide("weekly-deals", Context(), Now);

        Assert.Equal(OptInDenialReason.OutsideRegion, decision.Reason);
        Assert.Contains("neither product can deliver", decision.Detail, StringComparison.Ordinal);
        Assert.Contains("Marketing Messages needs a business in one of", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_Launch2022_a_subscriber_in_the_last_week_before_expiry_may_be_offered_a_re_opt_in()
    {
        var expiry = Now.AddDays(7);
        var subscription = Subscribed(PlatformProfile.Launch2022, expiry.AddMonths(-9), expiry);
        var policy = Policy(PlatformProfile.Launch2022);

        Assert.Equal(OptInDecision.Allow(OptInOfferKind.ReOptIn), policy.Decide("weekly-deals", Context(subscriptions: [subscription]), Now));
        Assert.Equal(OptInDenialReason.AlreadySubscribed, policy.Decide("weekly-deals", Context(subscriptions: [subscription]), Now.AddMinutes(-1)).Reason);
        Assert.Equal(OptInDenialReason.WindowClosed, policy.Decide("weekly-deals", Context(subscriptions: [subscription], lastCustomerMessage: Now.AddDays(-2)), Now).Reason);
    }

    [Fact]
    public void Under_Current_no_re_opt_in_is_offered_even_to_an_old_token_near_expiry()
    {
        var expiry = Now.AddDays(3);
        var subscription = Subscribed(PlatformProfile.Current, expiry.AddMonths(-9), expiry);
        Assert.Equal(OptInDenialReason.AlreadySubscribed, Policy(PlatformProfile.Current).Decide("weekly-deals", Context(subscriptions: [subscription]), Now).Reason);
    }

    [Fact]
    public void An_expired_subscription_does_not_block_a_new_offer()
    {
        var subscription = Subscribed(PlatformProfile.Launch2022, Now.AddMonths(-10), Now.AddDays(-1));
        Assert.True(Policy(PlatformProfile.Launch2022).Decide("weekly-deals", Context(subscriptions: [subscription]), Now).IsAllowed);
    }
}
