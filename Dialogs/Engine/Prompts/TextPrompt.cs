using ConversationBot.Dialogs.Localization;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>Asks for free text; an optional validator checks and normalizes it (e.g. an order number's format).</summary>
public sealed class TextPrompt(string id, Func<string, Texts, TextValidation>? validator = null) : Prompt<string>(id)
{
    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options)
    {
        var text = dc.Context.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Recognition<string>.NotUnderstood();
        }

        if (validator is null)
        {
            return Recognition<string>.Understood(text);
        }

        var validation = validator(text, dc.Texts);
        return validation.IsValid
            ? Recognition<string>.Understood(validation.Value!)
            : Recognition<string>.NotUnderstood(validation.RetryText);
    }
}
