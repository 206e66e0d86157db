using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.Notifications;
using ConversationBot.Cards;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Cards;

/// <summary>The Messenger opt-in request (docs/messenger-platform.md §2), under both rule sets.</summary>
public class MessengerOptInTemplateTests
{
    [Fact]
    public void Is_a_notification_messages_template_attachment()
    {
        var message = MessengerOptInTemplate.Build(TestTopics.WeeklyDeals, PlatformProfile.Current, null, CardGallery.English);

        Assert.Equal(["attachment"], message.Select(pair => pair.Key));
        var attachment = message["attachment"]!.AsObject();
        Assert.Equal(["type", "payload"], attachment.Select(pair => pair.Key));
        Assert.Equal("template", (string?)attachment["type"]);
        Assert.Equal("notification_messages", (string?)attachment["payload"]!["template_type"]);
    }

    [Fact]
    public void Under_the_2022_rules_carries_frequency_and_reoptin()
    {
        var payload = Payload(MessengerOptInTemplate.Build(TestTopics.WeeklyDeals, PlatformProfile.Launch2022, "Europe/Zurich", CardGallery.English));

        Assert.Equal(
            Sorted([
                "template_type", "payload", "title", "image_url", "image_aspect_ratio",
                "notification_messages_timezone", "notification_messages_cta_text",
                "notification_messages_frequency", "notification_messages_reoptin",
            ]),
            KeySet(payload));
        Assert.Equal("WEEKLY", (string?)payload["notification_messages_frequency"]);
        Assert.Equal("ENABLED", (string?)payload["notification_messages_reoptin"]);
    }

    [Fact]
    public void Under_the_current_rules_carries_neither_frequency_nor_reoptin()
    {
        var payload = Payload(MessengerOptInTemplate.Build(TestTopics.WeeklyDeals, PlatformProfile.Current, "Europe/Zurich", CardGallery.English));

        Assert.Equal(
            Sorted([
                "template_type", "payload", "title", "image_url", "image_aspect_ratio",
                "notification_messages_timezone", "notification_messages_cta_text",
            ]),
            KeySet(payload));
    }

    [Fact]
    public void Follows_each_profile_setting_on_its_own()
    {
        // A configured profile may override one rule and not the other (Notifications:Profiles).
        var frequencyOnly = PlatformProfile.Current with { RequestCarriesFrequency = true };
        var reOptInOnly = PlatformProfile.Launch2022 with { RequestCarriesFrequency = false };

        var withFrequency = Payload(MessengerOptInTemplate.Build(TestTopics.WeeklyDeals, frequencyOnly, null, CardGallery.English));
        var withReOptIn = Payload(MessengerOptInTemplate.Build(TestTopics.WeeklyDeals, reOptInOnly, null, CardGallery.English));

        Assert.Equal("WEEKLY", (string?)withFrequency["notification_messages_frequency"]);
        Assert.False(withFrequency.ContainsKey("notification_messages_reoptin"));
        Assert.False(withReOptIn.ContainsKey("notification_messages_frequency"));
        Assert.Equal("ENABLED", (string?)withReOptIn["notification_messages_reoptin"]);
    }

    [Fact]
    public void Without_image_and_timezone_carries_only_the_required_and_the_button()
    {
        var payload = Payload(MessengerOptInTemplate.Build(TestTopics.OrderUpdates, PlatformProfile.Current, null, CardGallery.English));

        Assert.Equal(Sorted(["template_type", "payload", "title", "notification_messages_cta_text"]), KeySet(payload));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Leaves_out_a_blank_timezone(string timeZoneId)
    {
        var payload = Payload(MessengerOptInTemplate.Build(TestTopics.WeeklyDeals, PlatformProfile.Launch2022, timeZoneId, CardGallery.English));

        Assert.False(payload.ContainsKey("notification_messages_timezone"));
    }

    [Fact]
    public void Carries_the_values_of_the_topic()
    {
        var payload = Payload(MessengerOptInTemplate.Build(TestTopics.WeeklyDeals, PlatformProfile.Launch2022, " Europe/Zurich ", CardGallery.English));

        Assert.Equal("topic:weekly-deals", (string?)payload["payload"]);
        Assert.Equal("Weekly deals from our shop", (string?)payload["title"]);
        Assert.Equal("https://example.com/deals.png", (string?)payload["image_url"]);
        Assert.Equal("HORIZONTAL", (string?)payload["image_aspect_ratio"]);
        Assert.Equal("Europe/Zurich", (string?)payload["notification_messages_timezone"]);
        Assert.Equal("GET_UPDATES", (string?)payload["notification_messages_cta_text"]);
    }

    [Theory]
    [InlineData("order-updates", "DAILY")]
    [InlineData("weekly-deals", "WEEKLY")]
    [InlineData("monthly-newsletter", "MONTHLY")]
    public void Spells_each_frequency_the_platform_way(string topicId, string expected)
    {
        var topic = TestTopics.Catalog.Topics.Single(t => t.Id == topicId);

        var payload = Payload(MessengerOptInTemplate.Build(topic, PlatformProfile.Launch2022, null, CardGallery.English));

        Assert.Equal(expected, (string?)payload["notification_messages_frequency"]);
    }

    [Fact]
    public void Uses_the_topics_call_to_action()
    {
        var payload = Payload(MessengerOptInTemplate.Build(TestTopics.Newsletter, PlatformProfile.Current, null, CardGallery.English));

        Assert.Equal("SIGN_UP", (string?)payload["notification_messages_cta_text"]);
    }

    [Theory]
    [InlineData("de-DE", "Wöchentliche Angebote aus unserem Shop")]
    [InlineData("de", "Wöchentliche Angebote aus unserem Shop")]
    [InlineData("de-CH", "Wöchentliche Angebote aus unserem Shop")]
    [InlineData("en-US", "Weekly deals from our shop")]
    [InlineData("fr-FR", "Weekly deals from our shop")]
    public void Uses_the_title_in_the_customers_language(string culture, string expected)
    {
        var payload = Payload(MessengerOptInTemplate.Build(TestTopics.WeeklyDeals, PlatformProfile.Current, null, CultureInfo.GetCultureInfo(culture)));

        Assert.Equal(expected, (string?)payload["title"]);
    }

    [Fact]
    public void Trims_the_title()
    {
        var topic = Topic.Create(
            "spaced",
            Frequency.Weekly,
            new Dictionary<string, TopicText>
            {
                ["en"] = new("  Shop news  ", "News from our shop."),
                ["de"] = new(" Shop-Neuigkeiten ", "Neues aus unserem Shop."),
            });

        Assert.Equal("Shop news", (string?)Payload(MessengerOptInTemplate.Build(topic, PlatformProfile.Current, null, CardGallery.English))["title"]);
        Assert.Equal("Shop-Neuigkeiten", (string?)Payload(MessengerOptInTemplate.Build(topic, PlatformProfile.Current, null, CardGallery.German))["title"]);
    }

    [Fact]
    public void A_title_of_exactly_65_characters_is_kept()
    {
        var title = new string('a', 65);

        Assert.Equal(title, MessengerOptInTemplate.FitTitle(title));
    }

    [Fact]
    public void A_longer_title_is_cut_to_65_characters()
    {
        var title = "Weekly news from our shop about running shoes, socks and water bottles";

        var fitted = MessengerOptInTemplate.FitTitle("  " + title + "  ");

        Assert.True(fitted.Length <= Topic.MaxTitleLength, $"{fitted.Length} characters");
        Assert.StartsWith(fitted, title, StringComparison.Ordinal);
        Assert.Equal(fitted.TrimEnd(), fitted);
    }

    [Fact]
    public void Cutting_never_splits_an_emoji()
    {
        // 64 letters and a two-unit emoji: keeping half the emoji would send a broken character.
        var title = new string('a', 64) + "😀 more";

        var fitted = MessengerOptInTemplate.FitTitle(title);

        Assert.Equal(new string('a', 64), fitted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_a_blank_title(string title)
    {
        Assert.Throws<ArgumentException>(() => MessengerOptInTemplate.FitTitle(title));
    }

    [Fact]
    public void Keeps_unicode_titles_as_they_are_over_the_wire()
    {
        var message = MessengerOptInTemplate.Build(TestTopics.WeeklyDeals, PlatformProfile.Current, null, CardGallery.German);

        var roundTripped = JsonNode.Parse(message.ToJsonString())!.AsObject();

        Assert.Equal("Wöchentliche Angebote aus unserem Shop", (string?)Payload(roundTripped)["title"]);
    }

    [Fact]
    public void Is_not_treated_as_an_adaptive_card()
    {
        // CardGalleryTests demands a gallery sample of every *Card type; this is a Messenger
        // template, checked here rather than by the Adaptive Cards renderer.
        Assert.False(typeof(MessengerOptInTemplate).Name.EndsWith("Card", StringComparison.Ordinal));
    }

    // JSON objects are unordered: compare which keys are there, not where.
    private static List<string> KeySet(JsonObject payload) => Sorted(payload.Select(pair => pair.Key));

    private static List<string> Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    private static JsonObject Payload(JsonObject message) => message["attachment"]!["payload"]!.AsObject();
}
