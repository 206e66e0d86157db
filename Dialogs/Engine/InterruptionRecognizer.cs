using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.Resources;

namespace ConversationBot.Dialogs.Engine;

/// <summary>
/// Recognizes "help", "cancel", "start over" and greetings (and their German forms). Only a message that is
/// the word itself counts: "cancel my order" is a question about an order, not an interruption.
/// </summary>
public static class InterruptionRecognizer
{
    private static readonly Lazy<(Interruption Kind, HashSet<string> Words)[]> Vocabulary = new(() =>
    [
        (Interruption.Help, [.. TextNormalizer.Vocabulary(nameof(DialogStrings.Interruption_HelpWords))]),
        (Interruption.Cancel, [.. TextNormalizer.Vocabulary(nameof(DialogStrings.Interruption_CancelWords))]),
        (Interruption.StartOver, [.. TextNormalizer.Vocabulary(nameof(DialogStrings.Interruption_StartOverWords))]),
        (Interruption.Greeting, [.. TextNormalizer.Vocabulary(nameof(DialogStrings.Interruption_GreetingWords))]),
    ]);

    public static Interruption Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return Interruption.None;
        }

        foreach (var (kind, words) in Vocabulary.Value)
        {
            if (words.Contains(normalized))
            {
                return kind;
            }
        }

        return Interruption.None;
    }
}
