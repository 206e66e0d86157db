using ConversationBot.Dialogs.Localization;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>
/// A fixed set of choices (the main menu) that a choice prompt stores by name and rebuilds when the
/// answer comes, instead of storing every title and synonym in the conversation's state on every turn.
/// </summary>
public interface IChoiceSet
{
    /// <summary>The name stored in the prompt's frame; changing it drops the prompts stored under the old one.</summary>
    string Name { get; }

    IReadOnlyList<Choice> ChoicesIn(Texts texts);
}
