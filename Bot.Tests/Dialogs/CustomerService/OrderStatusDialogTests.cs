using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Dialogs.CustomerService;

public sealed class OrderStatusDialogTests
{
    [Fact]
    public async Task A_known_order_number_shows_the_order_card_with_status_and_items()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("order status")
            .AssertReply("What's your order number? You'll find it in your order confirmation, for example 10045.")
            .Send("#10045")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("10045", "Trail running shoes, size 42", "Merino socks (3 pairs)"))
            .AssertReply(reply => reply.HasAdaptiveCardContaining("Updates on your orders"))
            .AssertReply("Is there anything else I can help you with?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_badly_formed_number_is_explained_and_asked_again()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("order status")
            .AssertReply(reply => Assert.StartsWith("What's your order number?", reply.TextOf(), StringComparison.Ordinal))
            .Send("abc")
            .AssertReply("That doesn't look like an order number. It's the number in your order confirmation, for example 10045.")
            .Send("10046")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("10046", "Daypack 22 l"))
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_number_gets_a_clear_answer_and_another_try_then_a_way_to_a_person()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("order status")
            .AssertReply(reply => Assert.StartsWith("What's your order number?", reply.TextOf(), StringComparison.Ordinal))
            .Send("99999")
            .AssertReply("I couldn't find an order with the number 99999. Please check the number and type it again.")
            .Send("99998")
            .AssertReply("I couldn't find an order with the number 99998. Please check the number and type it again.")
            .Send("99997")
            .AssertReply(reply => Assert.Contains("Talk to a person", reply.TextOf(), StringComparison.Ordinal))
            .AssertReply("Is there anything else I can help you with?")
            .StartTestAsync();
    }

    [Fact]
    public async Task German_customers_are_asked_in_German()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation("de-CH"))
            .Send("Bestellung")
            .AssertReply("Wie lautet deine Bestellnummer? Du findest sie in deiner Bestellbestätigung, zum Beispiel 10045.")
            .Send("12")
            .AssertReply("Das sieht nicht nach einer Bestellnummer aus. Es ist die Nummer in deiner Bestellbestätigung, zum Beispiel 10045.")
            .Send("10047")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("10047", "Softshell jacket, M"))
            .StartTestAsync();
    }
}
