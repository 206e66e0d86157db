namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>
/// What a prompt says. Stored with the prompt's frame (as JSON) so that a re-prompt after a
/// restart says the same thing in the same language.
/// </summary>
public sealed record PromptOptions(string Text)
{
    /// <summary>Said instead of the generic "I didn't get that" when an answer is not understood.</summary>
    public string? RetryText { get; init; }

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>The <see cref="IChoiceSet"/> the choices come from; stored instead of them, with the language they were offered in.</summary>
    public string? ChoiceSet { get; init; }

    /// <summary>The culture <see cref="ChoiceSet"/> was offered in, so a re-prompt after a restart offers the same titles.</summary>
    public string? ChoiceCulture { get; init; }
}
