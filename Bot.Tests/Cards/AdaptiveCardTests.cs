using ConversationBot.Cards;

namespace ConversationBot.Bot.Tests.Cards;

/// <summary>What every card in the gallery must be, whichever builder made it.</summary>
public class AdaptiveCardTests
{
    [Fact]
    public void Content_type_is_the_one_channels_expect()
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", AdaptiveCard.ContentType);
    }

    [Theory]
    [MemberData(nameof(CardGallery.Names), MemberType = typeof(CardGallery))]
    public void Card_has_the_adaptive_card_envelope(string name)
    {
        var card = CardGallery.Get(name).Card;

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        Assert.NotEmpty(card["body"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(CardGallery.Names), MemberType = typeof(CardGallery))]
    public void Card_version_is_one_the_emulator_and_web_chat_render(string name)
    {
        var version = Version.Parse((string)CardGallery.Get(name).Card["version"]!);

        Assert.InRange(version, new Version(1, 0), new Version(1, 5));
    }

    [Theory]
    [MemberData(nameof(CardGallery.Names), MemberType = typeof(CardGallery))]
    public void Card_shows_no_empty_text_and_no_unfilled_placeholder(string name)
    {
        var texts = CardJson.Texts(CardGallery.Get(name).Card).ToList();

        Assert.All(texts, text => Assert.False(string.IsNullOrWhiteSpace(text), "a text, title or value is empty"));
        Assert.DoesNotContain(texts, text => text.Contains("{0}", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CardGallery.Names), MemberType = typeof(CardGallery))]
    public void Card_links_are_absolute_https(string name)
    {
        var links = CardJson.Elements(CardGallery.Get(name).Card, "Action.OpenUrl");

        Assert.All(links, link => Assert.StartsWith("https://", (string?)link["url"], StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CardGallery.Names), MemberType = typeof(CardGallery))]
    public void Card_has_submit_buttons_only_where_the_dialogs_read_the_answer(string name)
    {
        // The menu and the answers travel as suggested actions and typed text; a submit button needs
        // a dialog that reads its value (the Emulator sends it without text). Only the opt-in offer
        // and the notifications list have one, and their data carries the agreed field names.
        var sample = CardGallery.Get(name);
        var submits = CardJson.Elements(sample.Card, "Action.Submit").ToList();

        Assert.Empty(CardJson.Elements(sample.Card, "Action.Execute"));
        if (sample.CardType == typeof(OptInOfferCard))
        {
            Assert.NotEmpty(submits);
            Assert.All(submits, submit => Assert.NotNull(submit["data"]?[OptInSubmission.Field]));
        }
        else if (sample.CardType == typeof(MyNotificationsCard))
        {
            Assert.All(submits, submit => Assert.NotNull(submit["data"]?[NotificationsSubmission.Field]));
        }
        else
        {
            Assert.Empty(submits);
        }
    }

    [Fact]
    public void English_and_german_cards_differ_in_every_label()
    {
        var english = CardGallery.All.Where(sample => sample.Culture.Equals(CardGallery.English));
        foreach (var en in english)
        {
            var de = CardGallery.Get(en.Name[..^"en".Length] + "de");
            var enTexts = CardJson.Texts(en.Card).ToHashSet();
            var deTexts = CardJson.Texts(de.Card).ToHashSet();

            // Values from the caller (order numbers, item names, phone) are the same in both; the
            // card's own labels must not be.
            Assert.NotEqual(enTexts, deTexts);
            Assert.True(enTexts.Except(deTexts).Any(), $"{en.Name}: no English-only text");
        }
    }
}
