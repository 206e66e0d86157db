using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>Asks the customer to pick one of a few choices, offered as suggested actions (quick replies on Messenger).</summary>
public sealed class ChoicePrompt(string id) : Prompt<Choice>(id)
{
    /// <summary>The field a card's Action.Submit sets to pick a choice by its value.</summary>
    public const string SubmitField = "choice";

    protected override Recognition<Choice> Recognize(DialogContext dc, PromptOptions options)
    {
        var activity = dc.Context.Activity;
        var choice = ChoiceRecognizer.RecognizeValue(CardSubmission.Field(activity, SubmitField), options.Choices)
            ?? ChoiceRecognizer.Recognize(activity.Text, options.Choices);
        return choice is null ? Recognition<Choice>.NotUnderstood() : Recognition<Choice>.Understood(choice);
    }

    protected override IMessageActivity BuildPrompt(DialogContext dc, PromptOptions options, string text) =>
        WithSuggestedActions(text, options.Choices.Select(c => c.Title));
}
