using System.Globalization;
using System.Text;
using ConversationBot.Dialogs.Localization;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>Folds what a customer typed into a form that compares well: lower case, no punctuation, single spaces.</summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>A vocabulary resource (words separated by ';') in every language the bot speaks, normalized for comparison.</summary>
    public static string[] Vocabulary(string resourceKey) =>
        [.. Texts.WordsInAnyLanguage(resourceKey).Select(Normalize).Where(word => word.Length > 0).Distinct()];

    /// <summary>True when <paramref name="phrase"/> stands in <paramref name="text"/> as whole words (both normalized).</summary>
    public static bool ContainsPhrase(string text, string phrase) =>
        phrase.Length > 0 && $" {text} ".Contains($" {phrase} ", StringComparison.Ordinal);
}
