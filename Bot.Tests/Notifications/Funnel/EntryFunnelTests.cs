using ConversationBot.Notifications.Activity;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Notifications.Funnel;

/// <summary>
/// The funnel's attribution rules (Notifications/Funnel/EntryFunnel.cs) with the consent service that
/// calls it: offers and opt-ins count for the customer's last entry within seven days of it, a renewal
/// of an active subscription is no new opt-in, and a stop counts for the entry its opt-in counted for,
/// however long after.
/// </summary>
public sealed class EntryFunnelTests
{
    private const string Poster = "topic_weekly-deals__src_poster";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InMemoryFunnelStore _store = new();
    private readonly EntryFunnel _funnel;
    private readonly ConsentService _consent;

    public EntryFunnelTests()
    {
        _funnel = new EntryFunnel(_store, _clock);
        _consent = new ConsentService(new InMemorySubscriptionStore(), new InMemoryOfferHistoryStore(), new InMemoryStopRateCounterStore(), _funnel, new TopicActivity(new InMemoryTopicActivityStore(), TimeProvider.System), TestTopics.Catalog, PlatformProfile.Current);
    }

    [Fact]
    public async Task An_entry_its_offer_opt_in_renewal_and_a_stop_months_later_count_once_each()
    {
        await _funnel.EnteredAsync("webchat", "u1", Poster, conversed: true, None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await _funnel.OfferShownAsync("webchat", "u1", None);
        await AllowAsync("u1");
        _clock.Advance(TimeSpan.FromDays(30));
        await AllowAsync("u1");
        _clock.Advance(TimeSpan.FromDays(90));
        await _consent.StopByCustomerAsync("webchat", "u1", "weekly-deals", _clock.GetUtcNow(), None);

        Assert.Equal(new FunnelCounts(Poster, 1, 1, 1, 1, 1), await TotalAsync());
    }

    [Fact]
    public async Task An_offer_and_an_opt_in_more_than_seven_days_after_the_entry_are_not_counted_for_it()
    {
        await _funnel.EnteredAsync("webchat", "u1", Poster, conversed: false, None);
        _clock.Advance(FunnelAttribution.Window + TimeSpan.FromMinutes(1));

        await _funnel.OfferShownAsync("webchat", "u1", None);
        await AllowAsync("u1");
        await _consent.StopByCustomerAsync("webchat", "u1", null, _clock.GetUtcNow(), None);

        Assert.Equal(new FunnelCounts(Poster, 1, 0, 0, 0, 0), await TotalAsync());
    }

    [Fact]
    public async Task Customers_who_came_in_another_way_are_not_in_the_funnel_and_the_last_entry_wins()
    {
        await AllowAsync("walk-in");
        await _funnel.EnteredAsync("webchat", "u2", Poster, conversed: true, None);
        await _funnel.EnteredAsync("webchat", "u2", "dialog_returns__src_email", conversed: true, None);
        await _funnel.OfferShownAsync("webchat", "u2", None);

        var all = await _store.ReadAsync(DateOnly.FromDateTime(Start.UtcDateTime), DateOnly.FromDateTime(Start.UtcDateTime), None);
        Assert.Equal([new FunnelCounts("dialog_returns__src_email", 1, 1, 1, 0, 0), new FunnelCounts(Poster, 1, 1, 0, 0, 0)], all);
    }

    private Task<ConsentOutcome> AllowAsync(string customer) =>
        _consent.AllowFromCardAsync("webchat", customer, "weekly-deals", "{\"conversation\":{\"id\":\"c\"}}", null, _clock.GetUtcNow(), None);

    private async Task<FunnelCounts> TotalAsync() =>
        Assert.Single(await _store.ReadAsync(DateOnly.MinValue, DateOnly.MaxValue, None));
}
