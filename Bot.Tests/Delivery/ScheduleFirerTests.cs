using ConversationBot.Bot.Delivery.Schedules;
using ConversationBot.Bot.Tests.Notifications;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Delivery;

public sealed class ScheduleFirerTests
{
    // Monday 23 November 2026; Berlin is UTC+1 in winter, so "09:00 Berlin" is 08:00 UTC.
    private static readonly DateTimeOffset MondayMorningUtc = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    private static readonly ConversationBot.Notifications.Languages.SubscriberLanguages Languages = new(["en", "de"], "en");

    private readonly FakeTimeProvider _clock = new(MondayMorningUtc);
    private readonly InMemoryCampaignStore _campaigns = new();

    [Fact]
    public async Task A_weekly_schedule_fires_at_its_local_time_once_however_many_instances_look()
    {
        var (a, b) = (Firer(Deals()), Firer(Deals()));

        Assert.Empty(await a.FireDueAsync(_clock.GetUtcNow(), default));
        _clock.Advance(TimeSpan.FromHours(1));
        var firedByA = await a.FireDueAsync(_clock.GetUtcNow(), default);
        var firedByB = await b.FireDueAsync(_clock.GetUtcNow(), default);
        _clock.Advance(TimeSpan.FromMinutes(30));
        var later = await a.FireDueAsync(_clock.GetUtcNow(), default);

        var id = Assert.Single(firedByA);
        Assert.Empty(firedByB);
        Assert.Empty(later);
        var campaign = (await _campaigns.FindAsync(id, default))!;
        Assert.Equal(("weekly-deals", "monday-deals", "This week's deals are in."), (campaign.TopicId, campaign.ScheduleId, campaign.Content.Text));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), campaign.StartAt);
        Assert.Equal(campaign.StartAt.AddHours(12), campaign.EndAt);
    }

    [Fact]
    public async Task The_next_week_fires_again_with_a_new_campaign()
    {
        var firer = Firer(Deals());
        _clock.Advance(TimeSpan.FromHours(1));
        var first = await firer.FireDueAsync(_clock.GetUtcNow(), default);
        _clock.Advance(TimeSpan.FromDays(7));
        var second = await firer.FireDueAsync(_clock.GetUtcNow(), default);

        Assert.NotEqual(Assert.Single(first), Assert.Single(second));
    }

    [Fact]
    public async Task A_firing_missed_by_more_than_the_grace_is_not_sent_late()
    {
        var firer = Firer(Deals());
        _clock.Advance(TimeSpan.FromHours(3));

        Assert.Empty(await firer.FireDueAsync(_clock.GetUtcNow(), default));
        Assert.Empty((await _campaigns.ListAsync(null, null, 10, default)).Campaigns);
    }

    [Fact]
    public void Bad_schedule_settings_stop_the_host_and_each_is_named()
    {
        var options = new SchedulesOptions
        {
            Schedules =
            {
                ["broken"] = new ScheduleOptions { Topic = "no-such-topic", Cron = "every monday", TimeZone = "Mars/Olympus", Text = "" },
            },
        };

        var failure = new SchedulesOptionsValidation(TestTopics.Catalog, Languages).Validate(null, options);

        Assert.True(failure.Failed);
        Assert.Contains(failure.Failures!, f => f.StartsWith("Delivery:Schedules:broken:Topic", StringComparison.Ordinal));
        Assert.Contains(failure.Failures!, f => f.StartsWith("Delivery:Schedules:broken:Cron", StringComparison.Ordinal));
        Assert.Contains(failure.Failures!, f => f.StartsWith("Delivery:Schedules:broken:TimeZone", StringComparison.Ordinal));
        Assert.Contains(failure.Failures!, f => f.Contains("text is required", StringComparison.Ordinal));
    }

    private static SchedulesOptions Deals() => new()
    {
        Schedules =
        {
            ["monday-deals"] = new ScheduleOptions
            {
                Topic = "weekly-deals",
                Cron = "0 9 * * MON",
                TimeZone = "Europe/Berlin",
                Text = "This week's deals are in.",
                ValidFor = TimeSpan.FromHours(12),
            },
        },
    };

    [Fact]
    public async Task A_schedule_in_two_languages_at_nine_local_fires_a_campaign_with_both_versions_and_the_local_time()
    {
        var schedules = new SchedulesOptions();
        schedules.Schedules["monday-deals"] = new ScheduleOptions
        {
            Topic = "weekly-deals",
            Cron = "0 0 * * MON",
            LocalTime = "09:00",
            DefaultLanguage = "en",
            Content = new(StringComparer.OrdinalIgnoreCase)
            {
                ["en"] = new ScheduleContentOptions { Text = "This week's deals are in." },
                ["de"] = new ScheduleContentOptions { Text = "Die Angebote der Woche sind da." },
            },
        };
        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(7));

        var id = Assert.Single(await Firer(schedules).FireDueAsync(_clock.GetUtcNow(), default));

        var campaign = (await _campaigns.FindAsync(id, default))!;
        Assert.Equal(("Die Angebote der Woche sind da.", "This week's deals are in."), (campaign.ContentFor("de").Text, campaign.ContentFor("en").Text));
        Assert.Equal(new TimeOnly(9, 0), campaign.LocalTime!.Time);
        Assert.False(campaign.IgnoresQuietHours);
    }

    [Fact]
    public void A_schedule_version_in_a_language_the_bot_does_not_speak_or_over_messengers_limits_stops_the_host_naming_the_key()
    {
        var options = new SchedulesOptions();
        options.Schedules["bad"] = new ScheduleOptions
        {
            Topic = "weekly-deals",
            Cron = "0 9 * * MON",
            LocalTime = "9 o'clock",
            Content = new(StringComparer.OrdinalIgnoreCase)
            {
                ["en"] = new ScheduleContentOptions { Text = "Deals" },
                ["fr"] = new ScheduleContentOptions { Text = "Promos" },
                ["de"] = new ScheduleContentOptions { Text = new string('x', 641) },
            },
        };

        var failures = new SchedulesOptionsValidation(TestTopics.Catalog, Languages).Validate(null, options).Failures!;

        Assert.Contains(failures, f => f.StartsWith("Delivery:Schedules:bad:Content:fr ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Delivery:Schedules:bad:Content:de:text ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Delivery:Schedules:bad:LocalTime ", StringComparison.Ordinal));
    }

    private ScheduleFirer Firer(SchedulesOptions schedules) => new(
        new CampaignScheduleCatalog(Options.Create(schedules), TestTopics.Catalog, Languages),
        new ConfiguredScheduleContent(),
        _campaigns,
        Options.Create(new ConversationBot.Bot.Delivery.DeliveryHostOptions { MissedFiringGrace = TimeSpan.FromHours(1) }),
        NullLogger<ScheduleFirer>.Instance);
}
