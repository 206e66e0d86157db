using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.Resources;

namespace ConversationBot.Dialogs.OptIns;

/// <summary>
/// Recognizes "stop", "stop all", "stop weekly deals", "abmelden", "stopp alle" ... in English and
/// German. A bare "stop" means everything: that is what a person typing it into a chat expects,
/// and Messenger treats it the same way.
/// </summary>
public static class StopCommandRecognizer
{
    private static readonly Lazy<string[]> CommandWords = new(() => TextNormalizer.Vocabulary(nameof(DialogStrings.Stop_CommandWords)));
    private static readonly Lazy<string[]> AllWords = new(() => TextNormalizer.Vocabulary(nameof(DialogStrings.Stop_AllWords)));

    public static StopCommand? Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var command = CommandWords.Value
            .Where(word => normalized == word || normalized.StartsWith(word + " ", StringComparison.Ordinal))
            .OrderByDescending(word => word.Length)
            .FirstOrDefault();
        if (command is null)
        {
            return null;
        }

        var rest = normalized[command.Length..].Trim();
        return rest.Length == 0 || AllWords.Value.Contains(rest) ? new StopCommand(true, null) : new StopCommand(false, rest);
    }
}
