using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications.Topics;

public class TopicValidatorTests
{
    private static IReadOnlyList<string> Validate(TopicOptions options, string id = "weekly-deals") =>
        TopicValidator.Validate(new Dictionary<string, TopicOptions> { [id] = options }, IncentiveWordList.Default);

    [Fact]
    public void A_complete_topic_has_no_problems() => Assert.Empty(Validate(TestTopics.ValidOptions()));

    [Fact]
    public void A_title_over_65_characters_is_named_with_topic_field_and_length()
    {
        var problems = Validate(TestTopics.ValidOptions(new string('x', 70)));
        Assert.Equal(["Topics:weekly-deals:Title is 70 characters; at most 65"], problems);
    }

    [Fact]
    public void A_short_title_over_20_characters_is_named_with_topic_field_and_length()
    {
        var options = TestTopics.ValidOptions();
        options.ShortTitle = "Weekly deals from us!";
        options.Texts["de"].ShortTitle = "Wöchentliche Angebote";

        Assert.Equal(
            ["Topics:weekly-deals:ShortTitle is 21 characters; at most 20", "Topics:weekly-deals:Texts:de:ShortTitle is 21 characters; at most 20"],
            Validate(options).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_title_of_exactly_65_characters_is_fine() => Assert.Empty(Validate(TestTopics.ValidOptions(new string('x', 65))));

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new TopicOptions { Frequency = "Hourly", CallToAction = "CLICK", ImageUrl = "not a url" };
        var problems = Validate(options);
        Assert.Contains("Topics:weekly-deals:Frequency 'Hourly' is not one of Daily, Weekly, Monthly", problems);
        Assert.Contains("Topics:weekly-deals:CallToAction 'CLICK' is not one of ALLOW, GET, GET_UPDATES, OPT_IN, SIGN_UP", problems);
        Assert.Contains("Topics:weekly-deals:ImageUrl 'not a url' is not an absolute http(s) URL", problems);
        Assert.Contains("Topics:weekly-deals:Texts:en is missing (Title and Description)", problems);
        Assert.Contains("Topics:weekly-deals:Texts:de is missing (Title and Description)", problems);
    }

    [Theory]
    [InlineData("Weekly deals with a discount", "discount")]
    [InlineData("Win a trip every week", "Win")]
    [InlineData("Your free gift every week", "free gift")]
    [InlineData("COUPONS for you", "COUPONS")]
    public void English_reward_wording_in_a_title_is_refused(string title, string word)
    {
        var problem = Assert.Single(Validate(TestTopics.ValidOptions(title)));
        Assert.Equal($"Topics:weekly-deals:Title promises a reward ('{word}'); opt-in requests may not offer incentives", problem);
    }

    [Theory]
    [InlineData("Jede Woche 10 % Rabatt")]
    [InlineData("Gutschein für Sie")]
    [InlineData("Jetzt gewinnen")]
    [InlineData("Eine Prämie für Sie")]
    [InlineData("Gratis Versand")]
    public void German_reward_wording_in_the_German_texts_is_refused(string description)
    {
        var options = TestTopics.ValidOptions();
        options.Texts["de"].Description = description;
        var problem = Assert.Single(Validate(options));
        Assert.StartsWith("Topics:weekly-deals:Texts:de:Description promises a reward", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Winter collection updates")]
    [InlineData("Rewarding read")]
    [InlineData("Rabattaktionen im Überblick")]
    public void Words_that_merely_contain_a_reward_word_are_fine(string title) => Assert.Empty(Validate(TestTopics.ValidOptions(title)));

    [Fact]
    public void The_reward_word_list_is_configurable()
    {
        var words = IncentiveWordList.From(["bonus"]);
        var problems = TopicValidator.Validate(new Dictionary<string, TopicOptions> { ["weekly-deals"] = TestTopics.ValidOptions("Weekly bonus and discount") }, words);
        Assert.Equal(["Topics:weekly-deals:Title promises a reward ('bonus'); opt-in requests may not offer incentives"], problems);
    }

    [Fact]
    public void Two_topics_may_not_share_a_title_or_a_payload()
    {
        var problems = TopicValidator.Validate(
            new Dictionary<string, TopicOptions>
            {
                ["a"] = TestTopics.ValidOptions("Same title"),
                ["b"] = new() { Title = "Same title", Description = "d", Frequency = "Daily", MessengerPayload = "topic:a", Texts = { ["de"] = new TopicTextOptions { Title = "Anders", Description = "d" } } },
            },
            IncentiveWordList.Default);
        Assert.Contains("Topics:a, b:MessengerPayload 'topic:a' is used by more than one topic", problems);
        Assert.Contains("Topics:a, b:Title 'Same title' is used by more than one topic", problems);
    }

    [Fact]
    public void The_id_unknown_is_reserved() =>
        Assert.Contains("Topics:unknown:id 'unknown' is reserved for opt-ins the bot did not request", Validate(TestTopics.ValidOptions(), Topic.UnknownId));

    [Fact]
    public void Topic_Create_refuses_an_invalid_topic() =>
        Assert.Throws<ArgumentException>(() => Topic.Create("x", Frequency.Daily, new Dictionary<string, TopicText> { ["en"] = new("Free gift", "d"), ["de"] = new("t", "d") }));
}
