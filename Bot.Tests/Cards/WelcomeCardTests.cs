using System.Text.Json.Nodes;
using ConversationBot.Cards;

namespace ConversationBot.Bot.Tests.Cards;

public class WelcomeCardTests
{
    [Fact]
    public void Greets_the_customer_by_name()
    {
        var card = WelcomeCard.Build(new WelcomeCardModel("Anna"), CardGallery.English);

        Assert.Equal("Hello, Anna!", CardJson.Texts(card).First());
    }

    [Fact]
    public void Greets_in_german_for_a_german_customer()
    {
        var card = WelcomeCard.Build(new WelcomeCardModel("Anna"), CardGallery.German);

        Assert.Equal("Hallo, Anna!", CardJson.Texts(card).First());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Greets_without_a_name_when_there_is_none(string? name)
    {
        var card = WelcomeCard.Build(new WelcomeCardModel(name), CardGallery.English);

        Assert.Equal("Hello!", CardJson.Texts(card).First());
    }

    [Fact]
    public void Keeps_unicode_names_as_they_are()
    {
        var card = WelcomeCard.Build(new WelcomeCardModel("Größe ä 😀"), CardGallery.German);

        Assert.Equal("Hallo, Größe ä 😀!", CardJson.Texts(card).First());
        // What goes over the wire may be \u-escaped; what arrives must be the same text.
        Assert.Equal("Hallo, Größe ä 😀!", CardJson.Texts(JsonNode.Parse(card.ToJsonString())).First());
    }

    [Fact]
    public void Names_what_the_bot_can_do()
    {
        var text = string.Join(" ", CardJson.Texts(WelcomeCard.Build(new WelcomeCardModel(), CardGallery.English)));

        Assert.Contains("order", text, StringComparison.Ordinal);
        Assert.Contains("returns and refunds", text, StringComparison.Ordinal);
        Assert.Contains("opening hours", text, StringComparison.Ordinal);
        Assert.Contains("offers", text, StringComparison.Ordinal);
        Assert.Contains("person", text, StringComparison.Ordinal);
        Assert.Contains("notifications", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_no_buttons_but_the_website_link()
    {
        var withoutSite = WelcomeCard.Build(new WelcomeCardModel("Anna"), CardGallery.English);
        var withSite = WelcomeCard.Build(new WelcomeCardModel("Anna", CardGallery.ShopWebsite), CardGallery.English);

        Assert.Null(withoutSite["actions"]);
        var link = Assert.Single(withSite["actions"]!.AsArray())!;
        Assert.Equal("Action.OpenUrl", (string?)link["type"]);
        Assert.Equal("https://shop.example.com/", (string?)link["url"]);
    }
}
