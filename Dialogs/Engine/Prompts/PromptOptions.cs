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

    /// <summary>
    /// The choices say what they offer without the question (a menu): after an interruption's answer
    /// (e.g. to an opt-in card) they come back on the answer, and the question is not asked twice.
    /// </summary>
    public bool ChoicesStandAlone { get; init; }

    /// <summary>
    /// The resource <see cref="Text"/> was read from, when it is one: the question is then asked again in
    /// the conversation's language of the moment, if the customer changed it meanwhile.
    /// </summary>
    public string? TextKey { get; init; }

    /// <summary>The <see cref="IChoiceSet"/> the choices come from; stored instead of them, and rebuilt in the turn's language.</summary>
    public string? ChoiceSet { get; init; }
}
