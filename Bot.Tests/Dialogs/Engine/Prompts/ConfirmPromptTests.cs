using ConversationBot.Dialogs.Engine.Prompts;

namespace ConversationBot.Bot.Tests.Dialogs.Engine.Prompts;

public sealed class ConfirmPromptTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes!", true)]
    [InlineData("sure", true)]
    [InlineData("ja", true)]
    [InlineData("Ja, gerne", true)]
    [InlineData("no", false)]
    [InlineData("No thanks", false)]
    [InlineData("nein", false)]
    [InlineData("Nicht jetzt", false)]
    [InlineData("not now", false)]
    public void Understands_yes_and_no_in_English_and_German(string input, bool expected) =>
        Assert.Equal(expected, ConfirmPrompt.Interpret(input));

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("vielleicht")]
    [InlineData("yes and no")]
    public void Anything_else_is_not_an_answer(string input) =>
        Assert.Null(ConfirmPrompt.Interpret(input));
}
