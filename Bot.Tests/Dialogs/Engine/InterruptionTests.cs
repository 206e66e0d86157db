using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Dialogs.Engine;

/// <summary>"help", "cancel" and "start over" work anywhere in a conversation, in English and German.</summary>
public sealed class InterruptionTests
{
    [Theory]
    [InlineData("en-US", "help", "I can look up your order", "What's your order number?")]
    [InlineData("de-DE", "Hilfe", "Ich kann deine Bestellung nachschlagen", "Wie lautet deine Bestellnummer?")]
    [InlineData("en-US", "hilfe", "I can look up your order", "What's your order number?")]
    public async Task Help_explains_and_asks_the_pending_question_again(string locale, string help, string explanation, string question)
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation(locale))
            .Send("1")
            .AssertReply(reply => Assert.StartsWith(question, reply.TextOf(), StringComparison.Ordinal))
            .Send(help)
            .AssertReply(reply => Assert.StartsWith(explanation, reply.TextOf(), StringComparison.Ordinal))
            .AssertReply(reply => Assert.StartsWith(question, reply.TextOf(), StringComparison.Ordinal))
            .Send("10045")
            .AssertReply(reply => reply.HasAdaptiveCardContaining("10045"))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en-US", "cancel", "OK, I've cancelled that.", "How can I help you?")]
    [InlineData("de-DE", "abbrechen", "Okay, ich habe das abgebrochen.", "Wie kann ich dir helfen?")]
    public async Task Cancel_ends_the_current_task_and_returns_to_the_menu(string locale, string cancel, string confirmation, string menu)
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation(locale))
            .Send("1")
            .AssertReply(_ => { })
            .Send(cancel)
            .AssertReply(confirmation)
            .AssertReply(menu)
            .Send("12345678")
            .AssertReply(reply => Assert.StartsWith(locale == "de-DE" ? "Entschuldigung" : "Sorry", reply.TextOf(), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en-US", "start over", "Let's start over.", "How can I help you?")]
    [InlineData("de-DE", "von vorne", "Fangen wir von vorne an.", "Wie kann ich dir helfen?")]
    [InlineData("de-DE", "Neu starten", "Fangen wir von vorne an.", "Wie kann ich dir helfen?")]
    public async Task Start_over_clears_everything_and_shows_the_menu(string locale, string startOver, string confirmation, string menu)
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation(locale))
            .Send("1")
            .AssertReply(_ => { })
            .Send("abc")
            .AssertReply(_ => { })
            .Send(startOver)
            .AssertReply(confirmation)
            .AssertReply(menu)
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_with_nothing_going_on_says_so()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("cancel")
            .AssertReply("There's nothing to cancel right now.")
            .AssertReply("How can I help you?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_sentence_that_only_contains_an_interruption_word_is_not_an_interruption()
    {
        await using var harness = ConversationHarness.Create();

        await harness.Flow(harness.NewConversation())
            .Send("I need help with my order")
            .AssertReply(reply => Assert.StartsWith("What's your order number?", reply.TextOf(), StringComparison.Ordinal))
            .StartTestAsync();
    }
}
