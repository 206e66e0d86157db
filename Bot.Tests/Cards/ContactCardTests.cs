using System.Text.Json.Nodes;
using ConversationBot.Cards;

namespace ConversationBot.Bot.Tests.Cards;

public class ContactCardTests
{
    [Fact]
    public void Shows_opening_hours_as_facts_in_the_given_order()
    {
        var card = ContactCard.Build(CardGallery.Contact, CardGallery.English);

        var hours = CardJson.Elements(card, "FactSet").First()["facts"]!.AsArray();
        Assert.Equal(
            [("Mon–Fri", "9:00–18:00"), ("Sat", "10:00–14:00"), ("Sun, public holidays", "closed")],
            hours.Select(fact => ((string)fact!["title"]!, (string)fact["value"]!)));
    }

    [Fact]
    public void Shows_the_configured_values_under_the_cards_own_headings()
    {
        var texts = CardJson.Texts(ContactCard.Build(CardGallery.Contact, CardGallery.German)).ToList();

        Assert.Contains("So erreichst du uns", texts);
        Assert.Contains("Öffnungszeiten", texts);
        Assert.Contains("Telefon", texts);
        Assert.Contains("+49 30 1234567", texts);
        Assert.Contains("E-Mail", texts);
        Assert.Contains("service@shop.example.com", texts);
        Assert.Equal(["Adresse", "Beispielshop GmbH", "Musterstraße 1", "10115 Berlin"], texts.SkipWhile(t => t != "Adresse").Take(4));
    }

    [Fact]
    public void Leaves_out_the_sections_that_have_no_values()
    {
        var card = ContactCard.Build(CardGallery.MinimalContact, CardGallery.English);
        var texts = CardJson.Texts(card).ToList();

        Assert.DoesNotContain("Opening hours", texts);
        Assert.DoesNotContain("Address", texts);
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Links_to_the_website_when_configured()
    {
        var card = ContactCard.Build(CardGallery.Contact, CardGallery.English);

        var link = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Visit our website", (string?)link["title"]);
    }

    [Fact]
    public void Refuses_a_website_that_is_not_an_absolute_http_url()
    {
        var model = CardGallery.Contact with { WebsiteUrl = new Uri("javascript:alert(1)") };

        Assert.Throws<ArgumentException>(() => ContactCard.Build(model, CardGallery.English));
    }

    [Fact]
    public void Serializes_quotes_and_markup_as_plain_json_strings()
    {
        var model = CardGallery.MinimalContact with { Email = "a\"b<c>@example.com" };

        var json = ContactCard.Build(model, CardGallery.English).ToJsonString();

        Assert.Equal("a\"b<c>@example.com", CardJson.Texts(JsonNode.Parse(json)).Single(t => t.StartsWith("a\"", StringComparison.Ordinal)));
    }
}
