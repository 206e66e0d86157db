using ConversationBot.Dialogs.Engine.Prompts;

namespace ConversationBot.Bot.Tests.Dialogs.Engine.Prompts;

public sealed class ChoiceRecognizerTests
{
    private static readonly Choice[] Choices =
    [
        new("order-status", "Order status", ["order", "where is my order", "bestellung"]),
        new("returns", "Returns & refunds", ["return", "refund"]),
        new("handoff", "Talk to a person", ["person", "human"]),
    ];

    [Theory]
    [InlineData("1", "order-status")]
    [InlineData("3", "handoff")]
    [InlineData("1.", "order-status")]
    [InlineData("Order status", "order-status")]
    [InlineData("  ORDER STATUS!! ", "order-status")]
    [InlineData("returns & refunds", "returns")]
    [InlineData("Returns and refunds", "returns")]
    [InlineData("refund", "returns")]
    [InlineData("Where is my order?", "order-status")]
    [InlineData("Wo ist meine Bestellung?", "order-status")]
    [InlineData("I want to talk to a human please", "handoff")]
    public void Recognizes_a_choice_by_number_title_synonym_or_a_phrase_in_a_sentence(string input, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(input, Choices)?.Value);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("banana")]
    [InlineData("ordering")]
    public void Does_not_guess_when_nothing_fits(string input) =>
        Assert.Null(ChoiceRecognizer.Recognize(input, Choices));

    [Fact]
    public void An_answer_that_fits_two_choices_equally_is_not_understood() =>
        Assert.Null(ChoiceRecognizer.Recognize("order return", Choices));

    [Fact]
    public void The_phrase_with_more_words_wins() =>
        Assert.Equal("order-status", ChoiceRecognizer.Recognize("where is my order, I want to return it", Choices)?.Value);

    [Fact]
    public void A_card_submission_picks_a_choice_by_its_value() =>
        Assert.Equal("returns", ChoiceRecognizer.RecognizeValue("RETURNS", Choices)?.Value);
}
