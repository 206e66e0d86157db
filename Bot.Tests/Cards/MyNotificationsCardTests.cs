using System.Text.Json.Nodes;
using ConversationBot.Cards;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Cards;

public class MyNotificationsCardTests
{
    private static readonly MyNotificationsCardModel ActiveAndStopped =
        new([CardGallery.ActiveWeeklyDeals, CardGallery.StoppedOrderUpdates], CardGallery.AsOf);

    [Fact]
    public void Says_so_when_there_are_no_notifications()
    {
        var english = MyNotificationsCard.Build(new MyNotificationsCardModel([], CardGallery.AsOf), CardGallery.English);
        var german = MyNotificationsCard.Build(new MyNotificationsCardModel([], CardGallery.AsOf), CardGallery.German);

        Assert.Equal(["Your notifications", "You have no notifications yet."], CardJson.Texts(english));
        Assert.Equal(["Deine Benachrichtigungen", "Du hast noch keine Benachrichtigungen."], CardJson.Texts(german));
        Assert.Empty(CardJson.Elements(english, "Action.Submit"));
        Assert.Null(english["actions"]);
    }

    [Fact]
    public void Active_subscription_offers_stop_with_its_topic()
    {
        var stop = Assert.Single(CardJson.Elements(Blocks(MyNotificationsCard.Build(ActiveAndStopped, CardGallery.English))[0], "Action.Submit"));

        Assert.Equal("Stop", (string?)stop["title"]);
        Assert.Equal("""{"notifications":"stop","topic":"weekly-deals"}""", stop["data"]!.ToJsonString());
    }

    [Fact]
    public void Stopped_subscription_offers_resume_with_its_topic()
    {
        var resume = Assert.Single(CardJson.Elements(Blocks(MyNotificationsCard.Build(ActiveAndStopped, CardGallery.English))[1], "Action.Submit"));

        Assert.Equal("Resume", (string?)resume["title"]);
        Assert.Equal("""{"notifications":"resume","topic":"order-updates"}""", resume["data"]!.ToJsonString());
    }

    [Fact]
    public void The_submission_constants_are_the_spelling_the_dialogs_read()
    {
        Assert.Equal("notifications", NotificationsSubmission.Field);
        Assert.Equal("topic", NotificationsSubmission.TopicField);
        Assert.Equal("stop", NotificationsSubmission.Stop);
        Assert.Equal("resume", NotificationsSubmission.Resume);
    }

    [Fact]
    public void Shows_one_block_per_subscription_in_the_given_order()
    {
        var blocks = Blocks(MyNotificationsCard.Build(ActiveAndStopped, CardGallery.English));

        Assert.Equal(2, blocks.Count);
        Assert.Equal(["Weekly deals from our shop", "Active"], CardJson.Texts(blocks[0]).Take(2));
        Assert.Equal(["Order updates", "Stopped"], CardJson.Texts(blocks[1]).Take(2));
    }

    [Fact]
    public void Shows_how_often_next_message_and_expiry_in_the_subscribers_timezone()
    {
        var texts = CardJson.Texts(Blocks(MyNotificationsCard.Build(ActiveAndStopped, CardGallery.English))[0]).Select(Normalize).ToList();

        Assert.Equal("One message a week at most.", After(texts, "How often"));
        // 08:00 UTC is 09:00 in Berlin in November; 10:30 UTC in August is 12:30 there. The year is
        // said only when it is not this year.
        Assert.Equal("Monday, November 23, 9:00 AM (Berlin time)", After(texts, "Next possible message"));
        Assert.Equal("Friday, August 20, 2027, 12:30 PM (Berlin time)", After(texts, "Expires"));
    }

    [Fact]
    public void Formats_dates_the_german_way_for_german_customers()
    {
        var texts = CardJson.Texts(Blocks(MyNotificationsCard.Build(ActiveAndStopped, CardGallery.German))[0]).Select(Normalize).ToList();

        Assert.Equal("Höchstens eine Nachricht pro Woche.", After(texts, "Wie oft"));
        Assert.Equal("Montag, 23. November, 09:00 Uhr (Ortszeit Berlin)", After(texts, "Nächste mögliche Nachricht"));
        Assert.Equal("Freitag, 20. August 2027, 12:30 Uhr (Ortszeit Berlin)", After(texts, "Läuft ab am"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not/AZone")]
    public void Shows_utc_and_says_so_without_a_known_timezone(string? timeZoneId)
    {
        var line = CardGallery.ActiveWeeklyDeals with { TimeZoneId = timeZoneId, ExpiresAt = null };

        var texts = CardJson.Texts(MyNotificationsCard.Build(new([line], CardGallery.AsOf), CardGallery.English)).Select(Normalize).ToList();

        Assert.Equal("Monday, November 23, 8:00 AM (UTC)", After(texts, "Next possible message"));
    }

    [Theory]
    [InlineData("America/New_York", "en-US", "Monday, November 23, 3:00 AM (New York time)")]
    [InlineData("America/Argentina/Buenos_Aires", "de-DE", "Montag, 23. November, 05:00 Uhr (Ortszeit Buenos Aires)")]
    [InlineData("Etc/GMT+5", "en-US", "Monday, November 23, 3:00 AM (UTC−05:00)")]
    public void Names_the_zone_the_way_people_say_it(string timeZoneId, string locale, string expected)
    {
        var line = CardGallery.ActiveWeeklyDeals with { TimeZoneId = timeZoneId, ExpiresAt = null };
        var culture = System.Globalization.CultureInfo.GetCultureInfo(locale);

        var texts = CardJson.Texts(MyNotificationsCard.Build(new([line], CardGallery.AsOf), culture)).Select(Normalize).ToList();

        Assert.Equal(expected, After(texts, locale == "de-DE" ? "Nächste mögliche Nachricht" : "Next possible message"));
    }

    [Theory]
    [InlineData("en-US", "Next possible message", "now")]
    [InlineData("de-DE", "Nächste mögliche Nachricht", "jetzt")]
    public void Says_now_when_the_next_message_may_come_now_or_could_have_already(string locale, string label, string now)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(locale);
        var atNow = CardGallery.ActiveWeeklyDeals with { NextPossibleAt = CardGallery.AsOf };
        var past = CardGallery.UnicodeNewsletter;
        var aMinuteAhead = CardGallery.ActiveWeeklyDeals with { NextPossibleAt = CardGallery.AsOf.AddMinutes(1) };

        string Next(SubscriptionLine line) => After(CardJson.Texts(MyNotificationsCard.Build(new([line], CardGallery.AsOf), culture)).ToList(), label);

        Assert.Equal(now, Next(atNow));
        Assert.Equal(now, Next(past));
        Assert.NotEqual(now, Next(aMinuteAhead));
    }

    [Fact]
    public void Shows_a_dash_without_a_next_date_and_no_expiry_when_there_is_none()
    {
        var texts = CardJson.Texts(Blocks(MyNotificationsCard.Build(ActiveAndStopped, CardGallery.English))[1]).ToList();

        Assert.Equal("–", After(texts, "Next possible message"));
        Assert.Equal("One message a day at most.", After(texts, "How often"));
        Assert.DoesNotContain("Expires", texts);
    }

    [Fact]
    public void Labels_differ_between_english_and_german()
    {
        var english = CardJson.Texts(MyNotificationsCard.Build(ActiveAndStopped, CardGallery.English)).ToHashSet();
        var german = CardJson.Texts(MyNotificationsCard.Build(ActiveAndStopped, CardGallery.German)).ToHashSet();

        // Only the caller's titles and the dash are the same in both.
        Assert.Equal(["Weekly deals from our shop", "Order updates", "–"], english.Intersect(german));
        Assert.Contains("Stoppen", german);
        Assert.Contains("Fortsetzen", german);
        Assert.Contains("Gestoppt", german);
        Assert.Contains("Aktiv", german);
    }

    [Fact]
    public void The_cards_own_texts_promise_no_reward()
    {
        foreach (var culture in CardGallery.Languages)
        {
            var ownTexts = CardJson.Texts(MyNotificationsCard.Build(ActiveAndStopped, culture))
                .Concat(CardJson.Texts(MyNotificationsCard.Build(new([], CardGallery.AsOf), culture)))
                .Concat(Enum.GetValues<Frequency>().SelectMany(frequency =>
                    CardJson.Texts(MyNotificationsCard.Build(new([CardGallery.StoppedOrderUpdates with { Frequency = frequency }], CardGallery.AsOf), culture))));

            Assert.Empty(ownTexts.SelectMany(text => IncentiveWordList.Default.FindIn(text)));
        }
    }

    [Fact]
    public void Keeps_unicode_titles_as_they_are_over_the_wire()
    {
        var card = MyNotificationsCard.Build(new([CardGallery.UnicodeNewsletter], CardGallery.AsOf), CardGallery.German);

        Assert.Contains(CardGallery.UnicodeNewsletter.Title, CardJson.Texts(JsonNode.Parse(card.ToJsonString())));
    }

    [Fact]
    public void Refuses_a_line_without_a_topic_id()
    {
        var model = new MyNotificationsCardModel([CardGallery.ActiveWeeklyDeals with { TopicId = " " }], CardGallery.AsOf);

        Assert.Throws<ArgumentException>(() => MyNotificationsCard.Build(model, CardGallery.English));
    }

    private static List<JsonObject> Blocks(JsonObject card) =>
        [.. card["body"]!.AsArray().OfType<JsonObject>().Where(element => (string?)element["type"] == "Container")];

    private static string After(IReadOnlyList<string> texts, string label) => texts[texts.ToList().IndexOf(label) + 1];

    // ICU writes a narrow no-break space before AM/PM and no-break spaces in some dates.
    private static string Normalize(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
