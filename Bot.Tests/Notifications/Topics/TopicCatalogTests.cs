using ConversationBot.Notifications.Topics;

namespace ConversationBot.Bot.Tests.Notifications.Topics;

public class TopicCatalogTests
{
    private static readonly TopicCatalog Catalog = TopicCatalog.FromOptions(
        new Dictionary<string, TopicOptions> { ["weekly-deals"] = TestTopics.ValidOptions() },
        IncentiveWordList.Default);

    [Fact]
    public void A_topic_built_from_configuration_gets_the_default_payload_and_call_to_action()
    {
        Assert.True(Catalog.TryGet("weekly-deals", out var topic));
        Assert.Equal("topic:weekly-deals", topic.MessengerPayload);
        Assert.Equal(CallToAction.GetUpdates, topic.CallToAction);
        Assert.Equal("GET_UPDATES", topic.CallToAction.ToPlatformValue());
        Assert.Equal(Frequency.Weekly, topic.Frequency);
        Assert.Equal(new Uri("https://example.com/deals.png"), topic.ImageUrl);
    }

    [Fact]
    public void Topics_are_found_by_id_payload_and_title_in_either_language()
    {
        Assert.True(Catalog.TryGetByPayload("topic:weekly-deals", out _));
        Assert.True(Catalog.TryGetByTitle("weekly deals from our shop", out _));
        Assert.True(Catalog.TryGetByTitle("Wöchentliche Angebote", out _));
        Assert.False(Catalog.TryGetByTitle("Updates and promotions", out _));
        Assert.False(Catalog.TryGetByPayload("", out _));
        Assert.False(Catalog.TryGet("lottery", out _));
    }

    [Fact]
    public void Texts_fall_back_from_a_regional_language_to_the_neutral_one_and_then_to_English()
    {
        Assert.True(Catalog.TryGet("weekly-deals", out var topic));
        Assert.Equal("Wöchentliche Angebote", topic.TextFor("de-CH").Title);
        Assert.Equal("Weekly deals from our shop", topic.TextFor("fr").Title);
    }

    [Fact]
    public void Invalid_configuration_stops_start_up_with_every_problem_in_one_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TopicCatalog.FromOptions(
            new Dictionary<string, TopicOptions> { ["weekly-deals"] = new() { Title = new string('x', 70), Description = "d", Frequency = "Weekly" } },
            IncentiveWordList.Default));
        Assert.Contains("Topics:weekly-deals:Title is 70 characters; at most 65", error.Message, StringComparison.Ordinal);
        Assert.Contains("Topics:weekly-deals:Texts:de is missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SIGN_UP", CallToAction.SignUp)]
    [InlineData("OptIn", CallToAction.OptIn)]
    [InlineData("allow", CallToAction.Allow)]
    public void Call_to_action_reads_the_platform_spelling_or_the_name(string text, CallToAction expected)
    {
        Assert.True(CallToActionSpelling.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
    }
}
