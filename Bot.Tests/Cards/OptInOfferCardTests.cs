using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.Notifications;
using ConversationBot.Cards;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Cards;

public class OptInOfferCardTests
{
    private static readonly OptInOfferCardModel WeeklyDeals = CardGallery.OfferOf(TestTopics.WeeklyDeals, CardGallery.English);

    public static TheoryData<Frequency> Frequencies => [.. Enum.GetValues<Frequency>()];

    [Fact]
    public void Allow_sends_the_agreed_answer_with_the_topic()
    {
        var allow = Buttons(OptInOfferCard.Build(WeeklyDeals, CardGallery.English))[0];

        Assert.Equal("Allow", (string?)allow["title"]);
        Assert.Equal("""{"optIn":"allow","topic":"weekly-deals"}""", allow["data"]!.ToJsonString());
    }

    [Fact]
    public void Not_now_sends_a_decline_with_the_topic()
    {
        var notNow = Buttons(OptInOfferCard.Build(WeeklyDeals, CardGallery.English))[1];

        Assert.Equal("Not now", (string?)notNow["title"]);
        Assert.Equal("""{"optIn":"decline","topic":"weekly-deals"}""", notNow["data"]!.ToJsonString());
    }

    [Fact]
    public void The_submission_constants_are_the_spelling_the_dialogs_read()
    {
        Assert.Equal("optIn", OptInSubmission.Field);
        Assert.Equal("topic", OptInSubmission.TopicField);
        Assert.Equal("allow", OptInSubmission.Allow);
        Assert.Equal("decline", OptInSubmission.Decline);
    }

    [Fact]
    public void Has_exactly_the_two_answer_buttons()
    {
        var buttons = Buttons(OptInOfferCard.Build(WeeklyDeals, CardGallery.German));

        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, button => Assert.Equal("Action.Submit", (string?)button["type"]));
        Assert.Equal(["Erlauben", "Jetzt nicht"], buttons.Select(button => (string?)button["title"]));
    }

    [Fact]
    public void Shows_image_title_description_then_what_and_how_often()
    {
        var card = OptInOfferCard.Build(WeeklyDeals, CardGallery.English);

        var image = Assert.Single(CardJson.Elements(card, "Image"));
        Assert.Same(image, card["body"]![0]);
        Assert.Equal("https://example.com/deals.png", (string?)image["url"]);
        Assert.Equal("Weekly deals from our shop", (string?)image["altText"]);
        Assert.Equal(
            [
                "Weekly deals from our shop",
                "Our best offers of the week.",
                "One message a week at most.",
                "You can stop any time by typing \"stop\".",
            ],
            BodyTexts(card));
    }

    [Fact]
    public void States_how_often_and_how_to_stop_in_german()
    {
        var card = OptInOfferCard.Build(CardGallery.OfferOf(TestTopics.WeeklyDeals, CardGallery.German), CardGallery.German);

        Assert.Equal(
            [
                "Wöchentliche Angebote aus unserem Shop",
                "Unsere besten Angebote der Woche.",
                "Höchstens eine Nachricht pro Woche.",
                "Du kannst jederzeit abbestellen: Schreib einfach „stopp“.",
            ],
            BodyTexts(card));
    }

    [Theory]
    [MemberData(nameof(Frequencies))]
    public void States_each_frequency_differently_in_each_language(Frequency frequency)
    {
        string Statement(System.Globalization.CultureInfo culture) =>
            BodyTexts(OptInOfferCard.Build(WeeklyDeals with { Frequency = frequency }, culture))[2];

        Assert.NotEqual(Statement(CardGallery.English), Statement(CardGallery.German));
        Assert.Single(Enum.GetValues<Frequency>(), other =>
            BodyTexts(OptInOfferCard.Build(WeeklyDeals with { Frequency = other }, CardGallery.English))[2] == Statement(CardGallery.English));
    }

    [Fact]
    public void Shows_no_image_when_the_topic_has_none()
    {
        var card = OptInOfferCard.Build(CardGallery.OfferOf(TestTopics.OrderUpdates, CardGallery.English), CardGallery.English);

        Assert.Empty(CardJson.Elements(card, "Image"));
        Assert.Equal("Order updates", (string?)card["body"]![0]!["text"]);
        Assert.Contains("One message a day at most.", BodyTexts(card));
    }

    [Theory]
    [MemberData(nameof(Frequencies))]
    public void The_cards_own_texts_promise_no_reward(Frequency frequency)
    {
        // Messenger forbids incentives in opt-in requests (docs/messenger-platform.md §2); the
        // topic's texts are checked at start-up, the card's own texts here.
        foreach (var culture in CardGallery.Languages)
        {
            var model = new OptInOfferCardModel("t", "Title", "Description", null, frequency);
            var ownTexts = CardJson.Texts(OptInOfferCard.Build(model, culture)).Except(["Title", "Description"]);

            Assert.Empty(ownTexts.SelectMany(text => IncentiveWordList.Default.FindIn(text)));
        }
    }

    [Fact]
    public void Trims_the_callers_texts()
    {
        var card = OptInOfferCard.Build(WeeklyDeals with { Title = "  Weekly deals ", Description = " Once a week. " }, CardGallery.English);

        Assert.Equal(["Weekly deals", "Once a week."], BodyTexts(card).Take(2));
    }

    [Fact]
    public void Refuses_an_image_that_is_not_an_absolute_http_url()
    {
        var model = WeeklyDeals with { ImageUrl = new Uri("file:///etc/passwd") };

        Assert.Throws<ArgumentException>(() => OptInOfferCard.Build(model, CardGallery.English));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Refuses_a_blank_topic_id_because_the_answer_could_not_be_matched(string topicId)
    {
        Assert.Throws<ArgumentException>(() => OptInOfferCard.Build(WeeklyDeals with { TopicId = topicId }, CardGallery.English));
    }

    [Fact]
    public void Keeps_unicode_titles_as_they_are_over_the_wire()
    {
        var card = OptInOfferCard.Build(WeeklyDeals with { Title = "Größe ä 😀 新着" }, CardGallery.German);

        Assert.Equal("Größe ä 😀 新着", BodyTexts(JsonNode.Parse(card.ToJsonString())!.AsObject())[0]);
    }

    private static List<JsonNode> Buttons(JsonObject card) => [.. card["actions"]!.AsArray().Select(action => action!)];

    private static List<string> BodyTexts(JsonObject card) => [.. CardJson.Texts(card["body"])];
}
