using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Dialogs.CustomerService;

/// <summary>Returns, contact and offers: answers that come from configuration.</summary>
public sealed class ShopInformationDialogTests
{
    [Fact]
    public async Task Returns_are_explained_from_configuration_with_a_link_to_start_one()
    {
        await using var harness = ConversationHarness.Create(settings: new Dictionary<string, string?>
        {
            ["Shop:Returns:en"] = "Send it back within 14 days.",
        });

        await harness.Flow(harness.NewConversation())
            .Send("returns")
            .AssertReply(reply =>
            {
                var card = Assert.Single(reply.HeroCards());
                Assert.Equal("Send it back within 14 days.", card.Text);
                Assert.Equal("https://shop.example.com/returns", Assert.Single(card.Buttons).Value);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Opening_hours_and_contact_come_from_configuration_in_the_customers_language()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation("de-DE"))
            .Send("Öffnungszeiten")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("Montag bis Freitag", "08:00–18:00", "+41 44 555 01 23", "service@shop.example.com"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Current_offers_are_shown_as_a_carousel()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("offers")
            .AssertReply(reply =>
            {
                Assert.Equal("Here's what's on offer right now:", reply.TextOf());
                Assert.Equal(["Winter hiking boots", "Down jacket 700 fill"], reply.HeroCards().Select(c => c.Title));
            })
            .StartTestAsync();
    }
}
