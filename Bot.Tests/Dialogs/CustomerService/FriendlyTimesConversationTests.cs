using System.Globalization;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Dialogs.CustomerService;

/// <summary>
/// Times and settings as a customer reads them (issue 17): the next possible message in the
/// customer's own time with a zone a person would name, "now" when it is now; the opt-in card says
/// how often once; the sample orders' dates follow today; configured texts in the customer's language.
/// The harness's clock is Wednesday 25 November 2026, 09:00 UTC.
/// </summary>
public sealed class FriendlyTimesConversationTests
{
    [Theory]
    [InlineData("en-US", "my notifications", "now")]
    [InlineData("de-DE", "Meine Benachrichtigungen", "jetzt")]
    public async Task Right_after_subscribing_the_next_possible_message_is_now(string locale, string ask, string now)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);
        await adapter.SendAsync(harness.Bot, Allow("weekly-deals", locale, "Europe/London"));

        var card = (await adapter.SayAsync(harness.Bot, ask))[0].AdaptiveCardJson();

        Assert.Contains($"\"value\":\"{now}\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Europe/London", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "my notifications", "Monday, November 30, 12:00 AM (London time)")]
    [InlineData("de-DE", "Meine Benachrichtigungen", "Montag, 30. November, 00:00 Uhr (Ortszeit London)")]
    public async Task After_a_message_the_next_possible_one_is_in_the_customers_time_with_the_place_named(string locale, string ask, string next)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);
        await adapter.SendAsync(harness.Bot, Allow("weekly-deals", locale, "Europe/London"));
        var subscription = Assert.Single(await harness.Subscriptions.ListByCustomerAsync("test", "customer-1", CancellationToken.None));
        subscription.RecordSent(harness.Time.GetUtcNow());
        Assert.True(await harness.Subscriptions.TrySaveAsync(subscription, CancellationToken.None));

        var card = (await adapter.SayAsync(harness.Bot, ask))[0].AdaptiveCardJson();

        // Weekly: the next week starts on Monday at midnight in London.
        Assert.Contains($"\"value\":\"{next}\"", Normalize(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "One message a day at most.", new[] { "at most", "once a", "daily", "every day" })]
    [InlineData("de-DE", "Höchstens eine Nachricht pro Tag.", new[] { "höchstens", "einmal", "täglich", "pro tag", "am tag" })]
    public async Task The_opt_in_card_says_how_often_once(string locale, string frequency, string[] frequencyWords)
    {
        await using var harness = ConversationHarness.Create();

        var replies = await harness.NewConversation(locale).SayAsync(harness.Bot, locale == "de-DE" ? "Bestellung 10045" : "order 10045");

        var offer = JObject.Parse(Assert.Single(replies, r => r.AsMessageActivity().Attachments?.Count > 0 && r.AdaptiveCardJson().Contains("optIn", StringComparison.Ordinal)).AdaptiveCardJson());
        var texts = offer["body"]!.Select(element => (string?)element["text"]).OfType<string>().ToList();
        Assert.Single(texts, text => frequencyWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(frequency, texts);
    }

    [Theory]
    [InlineData("en-US", "Saturday, November 21, 2026", "Friday, November 27, 2026")]
    [InlineData("de-DE", "Samstag, 21. November 2026", "Freitag, 27. November 2026")]
    public async Task A_sample_order_was_ordered_and_arrives_relative_to_today(string locale, string ordered, string expected)
    {
        await using var harness = ConversationHarness.Create();

        var card = (await harness.NewConversation(locale).SayAsync(harness.Bot, locale == "de-DE" ? "Bestellung 10045" : "order 10045"))[0].AdaptiveCardJson();

        // Shipped four days ago, arriving in two days.
        Assert.Contains(ordered, Normalize(card), StringComparison.Ordinal);
        Assert.Contains(expected, Normalize(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public async Task A_shipped_sample_order_is_still_on_its_way_on_any_day(string locale)
    {
        await using var harness = ConversationHarness.Create();
        harness.Time.Advance(TimeSpan.FromDays(400));
        var culture = CultureInfo.GetCultureInfo(locale);
        var today = DateOnly.FromDateTime(harness.Time.GetUtcNow().UtcDateTime);

        var card = Normalize((await harness.NewConversation(locale).SayAsync(harness.Bot, locale == "de-DE" ? "Bestellung 10045" : "order 10045"))[0].AdaptiveCardJson());

        Assert.Contains(Normalize(today.AddDays(-4).ToString("D", culture)), card, StringComparison.Ordinal);
        Assert.Contains(Normalize(today.AddDays(2).ToString("D", culture)), card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "hours", "closed", "geschlossen")]
    [InlineData("de-DE", "Öffnungszeiten", "geschlossen", "closed")]
    public async Task The_contact_card_says_closed_in_the_customers_language_only(string locale, string ask, string closed, string otherLanguage)
    {
        await using var harness = ConversationHarness.Create();

        var card = (await harness.NewConversation(locale).SayAsync(harness.Bot, ask))[0].AdaptiveCardJson();

        Assert.Contains($"\"value\":\"{closed}\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain(otherLanguage, card, StringComparison.Ordinal);
    }

    private static Activity Allow(string topic, string locale, string timeZone) => new(ActivityTypes.Message)
    {
        Locale = locale,
        LocalTimezone = timeZone,
        Value = JObject.FromObject(new { optIn = "allow", topic }),
        ChannelData = new JObject { ["postBack"] = true },
    };

    // ICU writes a narrow no-break space before AM/PM and no-break spaces in some dates.
    private static string Normalize(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
