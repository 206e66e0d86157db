using ConversationBot.Dialogs.Resources;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>A yes/no question. Understands yes and no in English and German, whatever the locale.</summary>
public sealed class ConfirmPrompt(string id) : Prompt<bool>(id)
{
    private static readonly Lazy<IReadOnlyList<string>> YesWords = new(() => TextNormalizer.Vocabulary(nameof(DialogStrings.Confirm_YesWords)));
    private static readonly Lazy<IReadOnlyList<string>> NoWords = new(() => TextNormalizer.Vocabulary(nameof(DialogStrings.Confirm_NoWords)));

    public static bool? Interpret(string? input)
    {
        var text = TextNormalizer.Normalize(input);
        if (text.Length == 0)
        {
            return null;
        }

        var yes = YesWords.Value.Any(w => w == text || TextNormalizer.ContainsPhrase(text, w));
        var no = NoWords.Value.Any(w => w == text || TextNormalizer.ContainsPhrase(text, w));
        return yes == no ? null : yes;
    }

    protected override Recognition<bool> Recognize(DialogContext dc, PromptOptions options) =>
        Interpret(dc.Context.Activity.Text) is { } answer
            ? Recognition<bool>.Understood(answer)
            : Recognition<bool>.NotUnderstood();

    protected override IMessageActivity BuildPrompt(DialogContext dc, PromptOptions options, string text) =>
        WithSuggestedActions(text, [(dc.Texts[nameof(DialogStrings.Confirm_Yes)], dc.Texts[nameof(DialogStrings.Confirm_Yes)]), (dc.Texts[nameof(DialogStrings.Confirm_No)], dc.Texts[nameof(DialogStrings.Confirm_No)])]);
}
