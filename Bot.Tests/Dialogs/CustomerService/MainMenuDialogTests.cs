using ConversationBot.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Tests.Dialogs.CustomerService;

public sealed class MainMenuDialogTests
{
    private static readonly string[] EnglishMenu = ["Order status", "Returns & refunds", "Hours & contact", "Current offers", "Talk to a person", "My notifications"];
    private static readonly string[] GermanMenu = ["Bestellstatus", "Rückgabe", "Zeiten & Kontakt", "Aktuelle Angebote", "Persönliche Hilfe", "Benachrichtigungen"];

    public static TheoryData<string, string> Greetings => new()
    {
        { "en-US", "How can I help you?" },
        { "de-DE", "Wie kann ich dir helfen?" },
    };

    [Theory]
    [MemberData(nameof(Greetings))]
    public async Task A_new_customer_is_welcomed_with_a_card_and_the_menu_in_their_language(string locale, string question)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Locale = locale,
            MembersAdded = [new ChannelAccount("bot", "Bot"), new ChannelAccount("customer-1", "Anna")],
        };

        await harness.Flow(adapter)
            .Send(update)
            .AssertReply(reply => reply.AdaptiveCardJson())
            .AssertReply(reply =>
            {
                Assert.Equal(question, reply.TextOf());
                Assert.Equal(locale == "de-DE" ? GermanMenu : EnglishMenu, reply.SuggestedTitles());
            })
            .AssertNoReplyToTheTurn()
            .StartTestAsync();
    }

    [Fact]
    public async Task The_bot_joining_alone_is_not_welcomed()
    {
        await using var harness = ConversationHarness.Create();
        var update = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("bot", "Bot")] };

        await harness.Flow(harness.NewConversation()).Send(update).AssertNoReplyToTheTurn().StartTestAsync();
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Order status")]
    [InlineData("order status")]
    [InlineData("where is my order?")]
    [InlineData("Bestellstatus")]
    public async Task The_menu_understands_a_number_a_title_or_a_synonym(string answer)
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("hello")
            .AssertReply("How can I help you?")
            .Send(answer)
            .AssertReply(reply => Assert.StartsWith("What's your order number?", reply.TextOf(), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_first_message_that_says_what_it_wants_goes_straight_to_the_answer()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation("de-DE"))
            .Send("Wo ist meine Bestellung 10045?")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("10045"))
            .AssertReply(reply => reply.HasAdaptiveCardContaining("Neuigkeiten zu deinen Bestellungen"))
            .AssertReply(reply => Assert.Equal("Kann ich dir sonst noch helfen?", reply.TextOf()))
            .StartTestAsync();
    }

    [Fact]
    public async Task Answering_the_menu_with_a_sentence_that_carries_the_order_number_shows_the_order()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("hello")
            .AssertReply("How can I help you?")
            .Send("where is my order 10045?")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("10045", "Trail running shoes, size 42"))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Talk to a person", "I've asked a colleague to take over.")]
    [InlineData("Öffnungszeiten & Kontakt", null)]
    [InlineData("Zeiten & Kontakt", null)]
    [InlineData("Hours & contact", null)]
    public async Task A_menu_item_mid_question_abandons_the_question_and_does_what_it_says(string item, string? reply)
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("order status")
            .AssertReply(r => Assert.StartsWith("What's your order number?", r.TextOf(), StringComparison.Ordinal))
            .Send(item)
            .AssertReply(r =>
            {
                if (reply is null)
                {
                    r.HasAdaptiveCardContaining("+41 44 555 01 23");
                }
                else
                {
                    Assert.StartsWith(reply, r.TextOf(), StringComparison.Ordinal);
                }
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en-US", "hi", "Hello!", "Order status")]
    [InlineData("de-DE", "Guten Tag", "Hallo!", "Bestellstatus")]
    public async Task A_greeting_while_the_menu_waits_is_greeted_back_with_the_menu_not_called_misunderstood(string locale, string greeting, string answer, string firstItem)
    {
        await using var harness = ConversationHarness.Create();
        var adapter = harness.NewConversation(locale);
        await harness.Flow(adapter).Send("hello").AssertReply(_ => { }).StartTestAsync();

        await harness.Flow(adapter)
            .Send(greeting)
            .AssertReply(reply =>
            {
                Assert.Equal(answer, reply.TextOf());
                Assert.Equal(firstItem, reply.SuggestedTitles()[0]);
            })
            .AssertNoReplyToTheTurn()
            .StartTestAsync();
    }

    [Fact]
    public async Task Unclear_answers_are_reprompted_three_times_and_then_the_bot_offers_a_way_out()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("hello")
            .AssertReply("How can I help you?")
            .Send("banana")
            .AssertReply(reply =>
            {
                Assert.Equal("Sorry, I didn't understand that. How can I help you?", reply.TextOf());
                Assert.Equal(EnglishMenu, reply.SuggestedTitles());
            })
            .Send("banana")
            .AssertReply("Sorry, I didn't understand that. How can I help you?")
            .Send("7")
            .AssertReply("Sorry, I didn't understand that. How can I help you?")
            .Send("still banana")
            .AssertReply(reply => Assert.Contains("talk to a person", reply.TextOf(), StringComparison.Ordinal))
            .AssertNoReplyToTheTurn()
            .Send("hi again")
            .AssertReply("How can I help you?")
            .StartTestAsync();
    }

    [Fact]
    public async Task After_an_answer_the_menu_asks_what_else_it_can_do()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("hi")
            .AssertReply("How can I help you?")
            .Send("3")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("+41 44 555 01 23"))
            .AssertReply(reply =>
            {
                Assert.Equal("Is there anything else I can help you with?", reply.TextOf());
                Assert.Equal(EnglishMenu, reply.SuggestedTitles());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_picture_is_acknowledged_without_using_up_a_reprompt()
    {
        await using var harness = ConversationHarness.Create();
        var photo = (Activity)MessageFactory.Attachment(new Attachment("image/jpeg", "https://example.com/parcel.jpg"));

        await harness.Flow(harness.NewConversation())
            .Send("hi")
            .AssertReply("How can I help you?")
            .Send(photo)
            .AssertReply(reply => Assert.Contains("can't look at pictures", reply.TextOf(), StringComparison.Ordinal))
            .AssertNoReplyToTheTurn()
            .Send("2")
            .AssertReply(reply => Assert.Contains("30 days", reply.HeroCards().Single().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }
}
