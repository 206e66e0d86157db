using ConversationBot.Notifications.Activity;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Notifications.Errors;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Notifications.OptIns;

/// <summary>The whole offer flow against the store fakes and a fake clock, as dialogs will drive it.</summary>
public class OptInOfferServiceTests
{
    private const string Customer = "psid-1";
    private const string Page = "page-1";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemorySubscriptionStore _subscriptions = new();
    private readonly InMemoryOfferHistoryStore _history = new();
    private readonly InMemoryMessagingWindowStore _windows = new();
    private readonly InMemoryPageStatusStore _pages = new();
    private readonly InMemoryStopRateCounterStore _stopRates = new();
    private readonly CountingStopRates _countedStopRates;
    private readonly CountingWindows _countedWindows;

    public OptInOfferServiceTests()
    {
        _countedStopRates = new CountingStopRates(_stopRates);
        _countedWindows = new CountingWindows(_windows);
    }

    private OptInOfferService Service(PlatformProfile profile, int dailyCap = 3) => new(
        new OptInPolicy(TestTopics.Catalog, profile, new OptInPolicyOptions { DailyCap = dailyCap }, "DE"),
        new StopRateGuard(new StopRateOptions { MinimumSample = 2, Threshold = 0.5 }),
        TestTopics.Catalog,
        _subscriptions,
        _history,
        _countedWindows,
        _pages,
        _countedStopRates,
        new MessengerPage(Page),
        _clock);

    private async Task CustomerWrites()
    {
        var window = await _windows.GetAsync(ChannelIds.Messenger, Customer, CancellationToken.None);
        window.RecordCustomerMessage(_clock.GetUtcNow());
        await _windows.SaveAsync(window, CancellationToken.None);
    }

    private Task<OptInDecision> Decide(PlatformProfile profile, string topic = "weekly-deals") =>
        Service(profile).DecideAsync(ChannelIds.Messenger, Customer, topic, "Europe/Zurich", CancellationToken.None);

    [Fact]
    public async Task No_offer_before_the_customer_wrote_and_accepting_an_opt_in_does_not_open_the_window()
    {
        Assert.Equal(OptInDenialReason.WindowClosed, (await Decide(PlatformProfile.Current)).Reason);

        var consent = new ConsentService(_subscriptions, _history, _stopRates, new EntryFunnel(new InMemoryFunnelStore(), TimeProvider.System), new TopicActivity(new InMemoryTopicActivityStore(), TimeProvider.System), TestTopics.Catalog, PlatformProfile.Current);
        await consent.ApplyAsync(ConsentEvent.OptIn(Customer, _clock.GetUtcNow(), "tok", "topic:order-updates", "Order updates", "Europe/Zurich"), CancellationToken.None);

        Assert.Equal(OptInDenialReason.WindowClosed, (await Decide(PlatformProfile.Current, "monthly-newsletter")).Reason);
    }

    [Fact]
    public async Task An_offer_recorded_now_blocks_the_same_title_until_the_platform_limit_under_Current()
    {
        await CustomerWrites();
        var service = Service(PlatformProfile.Current);
        Assert.True((await Decide(PlatformProfile.Current)).IsAllowed);
        await service.RecordOfferedAsync(ChannelIds.Messenger, Customer, "weekly-deals", "Weekly deals from our shop", CancellationToken.None);

        _clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        await CustomerWrites();
        Assert.Equal(OptInDenialReason.SameTitleRequestedRecently, (await Decide(PlatformProfile.Current)).Reason);

        // Our default cooldown is 14 days, which is longer than the platform's 7: it decides here.
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(OptInDenialReason.SameTitleRequestedRecently, (await Decide(PlatformProfile.Current)).Reason);
        _clock.Advance(TimeSpan.FromDays(7));
        await CustomerWrites();
        Assert.True((await Decide(PlatformProfile.Current)).IsAllowed);
    }

    [Fact]
    public async Task A_barred_page_stops_Messenger_offers_until_the_bar_lifts()
    {
        await CustomerWrites();
        await _pages.BarOptInsUntilAsync(Page, _clock.GetUtcNow().AddHours(1), CancellationToken.None);
        Assert.Equal(OptInDenialReason.PageBarredFromOptIns, (await Decide(PlatformProfile.Launch2022)).Reason);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await Decide(PlatformProfile.Launch2022)).IsAllowed);
    }

    [Fact]
    public async Task A_page_restricted_from_sending_is_asked_nothing_until_the_restriction_lifts()
    {
        await CustomerWrites();
        await _pages.PauseSendsUntilAsync(Page, _clock.GetUtcNow().AddHours(1), CancellationToken.None);

        Assert.Equal(OptInDenialReason.PageRestrictedFromSending, (await Decide(PlatformProfile.Current)).Reason);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await Decide(PlatformProfile.Current)).IsAllowed);
    }

    [Fact]
    public async Task A_restriction_an_opt_in_request_met_pauses_the_pages_campaigns_under_the_same_key()
    {
        await CustomerWrites();
        var classifier = new PlatformErrorClassifier(new PlatformErrorOptions(), PlatformProfile.Current);
        var refusal = classifier.Classify(MessengerSamples.Error("send-error-page-restricted.json"), _clock.GetUtcNow());

        var refused = await Service(PlatformProfile.Current).RecordRefusalAsync(ChannelIds.Messenger, Customer, "weekly-deals", "Weekly deals", refusal, CancellationToken.None);

        Assert.Equal(OptInDenialReason.PageRestrictedFromSending, refused.Reason);
        Assert.True((await _pages.GetAsync(Page, CancellationToken.None)).AreSendsPausedAt(_clock.GetUtcNow()));
    }

    [Fact]
    public async Task Stops_above_the_threshold_pause_the_topic_until_their_hour_slides_out_of_the_window()
    {
        await CustomerWrites();
        var at = _clock.GetUtcNow();
        await _stopRates.RecordOptInAsync("weekly-deals", at.AddDays(-1), CancellationToken.None);
        await _stopRates.RecordStopAsync("weekly-deals", at.AddDays(-1), CancellationToken.None);

        var paused = await Decide(PlatformProfile.Current);
        Assert.Equal(OptInDenialReason.TopicPausedByStopRate, paused.Reason);
        Assert.Contains("1 stops against 1 opt-ins", paused.Detail, StringComparison.Ordinal);
        Assert.True((await Decide(PlatformProfile.Current, "monthly-newsletter")).IsAllowed);

        // Counted by whole hours (Notifications/StopRate/IStopRateCounterStore.cs): the events of 10:00 a day
        // ago stay in the window until 11:00 six days on, not just until their own instant.
        _clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromMinutes(59));
        await CustomerWrites();
        Assert.Equal(OptInDenialReason.TopicPausedByStopRate, (await Decide(PlatformProfile.Current)).Reason);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await CustomerWrites();
        Assert.True((await Decide(PlatformProfile.Current)).IsAllowed);
    }

    [Fact]
    public async Task Once_the_days_cap_is_used_every_topic_is_denied_for_it_without_asking_the_stop_rates()
    {
        await CustomerWrites();
        var service = Service(PlatformProfile.Current, dailyCap: 1);
        await service.RecordOfferedAsync(ChannelIds.Messenger, Customer, "weekly-deals", "Weekly deals from our shop", CancellationToken.None);
        await _stopRates.RecordOptInAsync("monthly-newsletter", _clock.GetUtcNow().AddHours(-2), CancellationToken.None);
        await _stopRates.RecordStopAsync("monthly-newsletter", _clock.GetUtcNow().AddHours(-2), CancellationToken.None);

        var decisions = await service.DecideManyAsync(ChannelIds.Messenger, Customer, ["monthly-newsletter", "order-updates"], "Europe/Zurich", CancellationToken.None);

        // The newsletter's stop rate would pause it too; the cap alone answers, so it is not read.
        Assert.Equal([OptInDenialReason.DailyCapReached, OptInDenialReason.DailyCapReached], decisions.Select(d => d.Reason));
        Assert.Equal(0, _countedStopRates.Asked);

        // The next day the cap is free again: the stop rate is read, and pauses the newsletter.
        _clock.Advance(TimeSpan.FromDays(1));
        await CustomerWrites();
        decisions = await service.DecideManyAsync(ChannelIds.Messenger, Customer, ["monthly-newsletter", "order-updates"], "Europe/Zurich", CancellationToken.None);
        Assert.Equal(OptInDenialReason.TopicPausedByStopRate, decisions[0].Reason);
        Assert.True(decisions[1].IsAllowed);
        Assert.Equal(2, _countedStopRates.Asked);
    }

    [Fact]
    public async Task A_window_the_turn_proves_is_taken_without_asking_the_store_and_decides_as_the_stored_one_would()
    {
        // The customer writes in this turn; the store has not heard of it yet (another instance's stamp, say).
        var proven = MessagingWindow.Restore(ChannelIds.Messenger, Customer, _clock.GetUtcNow());

        var decision = await Service(PlatformProfile.Current).DecideAsync(ChannelIds.Messenger, Customer, "weekly-deals", "Europe/Zurich", CancellationToken.None, proven);

        Assert.True(decision.IsAllowed);
        Assert.Equal(0, _countedWindows.Read);
        await CustomerWrites();
        Assert.Equal(decision, await Decide(PlatformProfile.Current));
        Assert.Equal(1, _countedWindows.Read);
    }

    /// <summary>Counts the window reads the service makes.</summary>
    private sealed class CountingWindows(IMessagingWindowStore inner) : IMessagingWindowStore
    {
        public int Read { get; private set; }

        public Task<MessagingWindow> GetAsync(string channelId, string customerId, CancellationToken cancellationToken)
        {
            Read++;
            return inner.GetAsync(channelId, customerId, cancellationToken);
        }

        public Task SaveAsync(MessagingWindow window, CancellationToken cancellationToken) => inner.SaveAsync(window, cancellationToken);
    }

    /// <summary>Counts what the service asks of the stop-rate store.</summary>
    private sealed class CountingStopRates(IStopRateCounterStore inner) : IStopRateCounterStore
    {
        public int Asked { get; private set; }

        public Task RecordOptInAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => inner.RecordOptInAsync(topicId, at, cancellationToken);

        public Task RecordStopAsync(string topicId, DateTimeOffset at, CancellationToken cancellationToken) => inner.RecordStopAsync(topicId, at, cancellationToken);

        public Task<StopRateCounts> CountAsync(string topicId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
        {
            Asked++;
            return inner.CountAsync(topicId, since, until, cancellationToken);
        }
    }
}
