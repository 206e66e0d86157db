using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Activity;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Notifications.Activity;

/// <summary>What the consent service counts per topic and day for the console's overview: new subscribers, declines, stops; renewals and duplicates not.</summary>
public sealed class TopicActivityConsentTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private readonly InMemoryTopicActivityStore _store = new();
    private readonly ConsentService _consent;

    public TopicActivityConsentTests()
    {
        var clock = new FakeTimeProvider(Morning);
        _consent = new ConsentService(
            new InMemorySubscriptionStore(), new InMemoryOfferHistoryStore(), new InMemoryStopRateCounterStore(),
            new EntryFunnel(new InMemoryFunnelStore(), clock), new TopicActivity(_store, clock), TestTopics.Catalog, PlatformProfile.Current);
    }

    [Fact]
    public async Task An_opt_in_counts_once_a_renewal_and_a_duplicate_do_not_and_a_stop_and_a_decline_count_on_their_day()
    {
        await _consent.ApplyAsync(ConsentEvent.OptIn("psid-1", Morning, "token-1", "topic:weekly-deals", "Weekly deals from our shop", "Europe/Zurich"), default);
        await _consent.ApplyAsync(ConsentEvent.OptIn("psid-1", Morning, "token-1", "topic:weekly-deals", "Weekly deals from our shop", "Europe/Zurich"), default);
        await _consent.ApplyAsync(ConsentEvent.OptIn("psid-1", Morning.AddHours(1), "token-2", "topic:weekly-deals", "Weekly deals from our shop", "Europe/Zurich"), default);
        await _consent.DeclineAsync("messenger", "psid-2", "weekly-deals", Morning.AddHours(2), default);
        await _consent.StopByCustomerAsync("messenger", "psid-1", "weekly-deals", Morning.AddDays(1), default);

        var day = DateOnly.FromDateTime(Morning.UtcDateTime);
        Assert.Equal(
            [
                new TopicDay("weekly-deals", day, new TopicDayCounts(0, 1, 1, 0, 0, 0, 0)),
                new TopicDay("weekly-deals", day.AddDays(1), TopicDayCounts.Stop),
            ],
            await _store.ReadAsync(day, day.AddDays(1), default));
    }
}
