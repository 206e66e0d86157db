using ConversationBot.Notifications.Activity;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications.Consent;

public class ConsentServiceTests
{
    private const string Psid = "6543210987654321";
    private static readonly DateTimeOffset SampleTime = MessengerSamples.Instant;

    private readonly InMemorySubscriptionStore _subscriptions = new();
    private readonly InMemoryOfferHistoryStore _history = new();
    private readonly InMemoryStopRateCounterStore _stopRates = new();

    private InMemoryTopicActivityStore Activity { get; } = new();

    private ConsentService Service(PlatformProfile profile) => new(_subscriptions, _history, _stopRates, new EntryFunnel(new InMemoryFunnelStore(), TimeProvider.System), new TopicActivity(Activity, TimeProvider.System), TestTopics.Catalog, profile);

    private async Task<IReadOnlyList<ConsentOutcome>> ApplySamples(PlatformProfile profile, params string[] files)
    {
        var outcomes = new List<ConsentOutcome>();
        foreach (var file in files)
        {
            foreach (var consentEvent in MessengerSamples.ConsentEvents(file))
            {
                outcomes.Add(await Service(profile).ApplyAsync(consentEvent, CancellationToken.None));
            }
        }

        return outcomes;
    }

    private SubscriptionSnapshot Only() => Assert.Single(_subscriptions.Rows);

    [Fact]
    public async Task Todays_opt_in_sample_stores_token_and_timezone_without_frequency_or_expiry_under_Current()
    {
        var outcomes = await ApplySamples(PlatformProfile.Current, "optin-notification-messages.json");

        Assert.Equal(ConsentOutcomeKind.Created, Assert.Single(outcomes).Kind);
        var row = Only();
        Assert.Equal(
            ("weekly-deals", ChannelIds.Messenger, Psid, "8183222379117308817", "Europe/Zurich", (Frequency?)null, (DateTimeOffset?)null, SubscriptionStatus.Active, SubscriptionOrigin.RequestedByUs, SampleTime, "Current"),
            (row.TopicId, row.ChannelId, row.CustomerId, row.Token, row.TimeZoneId, row.Frequency, row.ExpiresAt, row.Status, row.Origin, row.OptedInAt, row.ProfileName));
        Assert.Equal(new StopRateCounts(1, 0), await _stopRates.CountAsync("weekly-deals", SampleTime, SampleTime, CancellationToken.None));
    }

    [Fact]
    public async Task Todays_opt_in_sample_under_Launch2022_gets_the_weekly_topics_nine_month_lifetime()
    {
        await ApplySamples(PlatformProfile.Launch2022, "optin-notification-messages.json");
        Assert.Equal(SampleTime.AddMonths(9), Only().ExpiresAt);
    }

    [Theory]
    [InlineData(PlatformProfile.Launch2022Name)]
    [InlineData(PlatformProfile.CurrentName)]
    public async Task The_2022_weekly_sample_stores_frequency_and_the_millisecond_expiry(string profile)
    {
        await ApplySamples(PlatformProfile.Resolve(profile, null), "optin-2022-weekly.json");
        var row = Only();
        Assert.Equal(Frequency.Weekly, row.Frequency);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1819187200000), row.ExpiresAt);
        Assert.Equal("7fa2c0d9e1b84f3aa5d6c7b8e9f01234", row.Token);
    }

    [Fact]
    public async Task The_refreshed_sample_replaces_token_and_expiry_given_in_seconds()
    {
        var outcomes = await ApplySamples(PlatformProfile.Launch2022, "optin-2022-weekly.json", "optin-refreshed.json");

        Assert.Equal([ConsentOutcomeKind.Created, ConsentOutcomeKind.Updated], outcomes.Select(o => o.Kind));
        var row = Only();
        Assert.Equal("1b2c3d4e5f60718293a4b5c6d7e8f901", row.Token);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1842774400), row.ExpiresAt);
        Assert.Equal(SubscriptionStatus.Active, row.Status);
    }

    [Fact]
    public async Task The_refreshed_sample_revives_a_subscription_marked_expired()
    {
        await ApplySamples(PlatformProfile.Launch2022, "optin-2022-weekly.json");
        var subscription = Subscription.Restore(Only());
        subscription.Expire(DateTimeOffset.FromUnixTimeMilliseconds(1819187200000));
        Assert.True(await _subscriptions.TrySaveAsync(subscription, CancellationToken.None));

        await ApplySamples(PlatformProfile.Launch2022, "optin-refreshed.json");

        Assert.Equal(SubscriptionStatus.Active, Only().Status);
    }

    [Theory]
    [InlineData("optin-stop.json")]
    [InlineData("optin-stop-underscore.json")]
    public async Task Both_stop_spellings_stop_the_subscription_and_a_duplicate_changes_nothing(string stopFile)
    {
        var outcomes = await ApplySamples(PlatformProfile.Current, "optin-notification-messages.json", stopFile, stopFile);

        Assert.Equal([ConsentOutcomeKind.Created, ConsentOutcomeKind.Updated, ConsentOutcomeKind.Unchanged], outcomes.Select(o => o.Kind));
        Assert.Equal(SubscriptionStatus.Stopped, Only().Status);
        Assert.Equal(new StopRateCounts(1, 1), await _stopRates.CountAsync("weekly-deals", SampleTime, SampleTime.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task The_resume_sample_without_a_token_matches_by_customer_and_topic()
    {
        await ApplySamples(PlatformProfile.Current, "optin-notification-messages.json", "optin-stop.json", "optin-resume.json");
        var row = Only();
        Assert.Equal(SubscriptionStatus.Active, row.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795607200000), row.LastEventAt);
    }

    [Fact]
    public async Task A_stop_arriving_after_a_newer_resume_does_not_override_it()
    {
        var outcomes = await ApplySamples(PlatformProfile.Current, "optin-notification-messages.json", "optin-stop.json", "optin-resume.json", "optin-stop-underscore.json");
        Assert.Equal(ConsentOutcomeKind.Unchanged, outcomes[^1].Kind);
        Assert.Equal(SubscriptionStatus.Active, Only().Status);
    }

    [Fact]
    public async Task A_duplicate_opt_in_changes_nothing()
    {
        var outcomes = await ApplySamples(PlatformProfile.Current, "optin-notification-messages.json", "optin-notification-messages.json");
        Assert.Equal([ConsentOutcomeKind.Created, ConsentOutcomeKind.Unchanged], outcomes.Select(o => o.Kind));
        Assert.Equal(1, Only().Version);
    }

    [Fact]
    public async Task An_opt_in_older_than_the_stop_already_applied_does_not_reactivate_the_subscription()
    {
        await ApplySamples(PlatformProfile.Current, "optin-notification-messages.json", "optin-stop.json");
        var stale = ConsentEvent.OptIn(Psid, SampleTime.AddMinutes(30), "another-token", "topic:weekly-deals", "Weekly deals from our shop", "Europe/Zurich");

        var outcome = await Service(PlatformProfile.Current).ApplyAsync(stale, CancellationToken.None);

        Assert.Equal(ConsentOutcomeKind.Unchanged, outcome.Kind);
        Assert.Equal(SubscriptionStatus.Stopped, Only().Status);
    }

    [Fact]
    public async Task The_unrequested_sample_keeps_its_token_under_the_unknown_topic()
    {
        await ApplySamples(PlatformProfile.Current, "optin-unrequested.json");
        var row = Only();
        Assert.Equal(
            (Topic.UnknownId, "5566778899001122334", "Europe/Berlin", SubscriptionOrigin.Unrequested, "Updates and promotions"),
            (row.TopicId, row.Token, row.TimeZoneId, row.Origin, row.Title));
    }

    [Fact]
    public async Task An_unrequested_opt_in_whose_title_matches_a_topic_joins_that_topic()
    {
        var consentEvent = ConsentEvent.OptIn("7000000000000001", SampleTime, "111", "", "Wöchentliche Angebote aus unserem Shop", "Europe/Berlin");
        await Service(PlatformProfile.Current).ApplyAsync(consentEvent, CancellationToken.None);
        var row = Only();
        Assert.Equal(("weekly-deals", SubscriptionOrigin.Unrequested), (row.TopicId, row.Origin));
    }

    [Fact]
    public async Task A_stop_for_which_no_subscription_exists_is_reported_not_invented()
    {
        var outcomes = await ApplySamples(PlatformProfile.Current, "optin-stop.json");
        Assert.Equal(ConsentOutcomeKind.NoMatchingSubscription, Assert.Single(outcomes).Kind);
        Assert.Empty(_subscriptions.Rows);
    }

    [Fact]
    public void Every_opt_in_sample_is_understood()
    {
        // A new sample in Bot.Tests/Messenger/Samples must parse into events this test suite knows how to apply.
        foreach (var file in MessengerSamples.Files("optin-*.json"))
        {
            Assert.NotEmpty(MessengerSamples.ConsentEvents(file));
        }

        Assert.Equal(
            ["optin-2022-weekly.json", "optin-notification-messages.json", "optin-refreshed.json", "optin-resume.json", "optin-stop-underscore.json", "optin-stop.json", "optin-unrequested.json"],
            MessengerSamples.Files("optin-*.json"));
    }

    [Fact]
    public async Task Allow_on_a_card_creates_a_subscription_with_the_conversation_reference_and_the_topics_frequency()
    {
        var at = new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.Zero);
        var outcome = await Service(PlatformProfile.Current).AllowFromCardAsync("emulator", "user-1", "order-updates", "{\"conversation\":{\"id\":\"c1\"}}", "Europe/Zurich", at, CancellationToken.None);

        Assert.Equal(ConsentOutcomeKind.Created, outcome.Kind);
        var row = Only();
        Assert.Equal(
            ("emulator", "order-updates", (string?)null, "{\"conversation\":{\"id\":\"c1\"}}", (Frequency?)Frequency.Daily, SubscriptionStatus.Active),
            (row.ChannelId, row.TopicId, row.Token, row.ConversationReference, row.Frequency, row.Status));
    }

    [Fact]
    public async Task Not_now_on_a_card_records_a_decline()
    {
        var at = new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.Zero);
        await Service(PlatformProfile.Current).DeclineAsync("emulator", "user-1", "weekly-deals", at, CancellationToken.None);
        var history = await _history.GetAsync("emulator", "user-1", CancellationToken.None);
        Assert.Equal(new ConversationBot.Notifications.OptIns.OptInDeclineRecord("weekly-deals", at), Assert.Single(history.Declines));
        Assert.Empty(_subscriptions.Rows);
    }

    [Fact]
    public async Task Typed_stop_all_stops_every_active_subscription_of_the_customer()
    {
        var at = new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.Zero);
        var service = Service(PlatformProfile.Current);
        await service.AllowFromCardAsync("webchat", "u", "order-updates", "ref", null, at, CancellationToken.None);
        await service.AllowFromCardAsync("webchat", "u", "weekly-deals", "ref", null, at, CancellationToken.None);

        var outcomes = await service.StopByCustomerAsync("webchat", "u", null, at.AddMinutes(1), CancellationToken.None);

        Assert.Equal(2, outcomes.Count(o => o.Kind == ConsentOutcomeKind.Updated));
        Assert.All(_subscriptions.Rows, r => Assert.Equal(SubscriptionStatus.Stopped, r.Status));
    }

    [Fact]
    public async Task A_concurrent_change_between_load_and_save_is_reloaded_and_applied_again()
    {
        await ApplySamples(PlatformProfile.Current, "optin-notification-messages.json");
        var racing = new RacingSubscriptionStore(_subscriptions);
        var service = new ConsentService(racing, _history, _stopRates, new EntryFunnel(new InMemoryFunnelStore(), TimeProvider.System), new TopicActivity(Activity, TimeProvider.System), TestTopics.Catalog, PlatformProfile.Current);

        var outcome = await service.ApplyAsync(MessengerSamples.ConsentEvents("optin-stop.json")[0], CancellationToken.None);

        Assert.Equal(ConsentOutcomeKind.Updated, outcome.Kind);
        Assert.Equal(2, racing.SaveAttempts);
        Assert.Equal(SubscriptionStatus.Stopped, Only().Status);
    }
}
