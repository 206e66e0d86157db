using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks the customer to pick one of a few choices, offered as suggested actions (quick replies on
/// Messenger). Choices from a named <see cref="IChoiceSet"/> are stored by name and rebuilt.
/// </summary>
public sealed class ChoicePrompt(string id, IEnumerable<IChoiceSet> choiceSets) : Prompt<Choice>(id)
{
    private readonly Dictionary<string, IChoiceSet> _sets = choiceSets.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The field a card's Action.Submit sets to pick a choice by its value.</summary>
    public const string SubmitField = "choice";

    protected override Recognition<Choice> Recognize(DialogContext dc, PromptOptions options)
    {
        var activity = dc.Context.Activity;
        var choice = ChoiceRecognizer.RecognizeValue(CardSubmission.Field(activity, SubmitField), options.Choices)
            ?? ChoiceRecognizer.Recognize(activity.Text, options.Choices);
        return choice is null ? Recognition<Choice>.NotUnderstood() : Recognition<Choice>.Understood(choice);
    }

    protected override PromptOptions ToStore(DialogContext dc, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);
        return options.ChoiceSet is { } set && _sets.ContainsKey(set)
            ? options with { Choices = [] }
            : options;
    }

    protected override PromptOptions Restore(DialogContext dc, PromptOptions stored)
    {
        var restored = base.Restore(dc, stored);

        // The conversation's language of the moment (it changes only when the customer writes in another).
        return restored.ChoiceSet is { } name && _sets.TryGetValue(name, out var set)
            ? restored with { Choices = set.ChoicesIn(dc.Texts) }
            : restored;
    }

    protected override IMessageActivity BuildPrompt(DialogContext dc, PromptOptions options, string text) =>
        WithSuggestedActions(text, options.Choices.Select(c => (c.Title, c.Said)));
}
