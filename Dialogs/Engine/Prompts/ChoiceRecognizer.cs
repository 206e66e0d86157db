using System.Globalization;
using System.Runtime.CompilerServices;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>
/// Finds the choice a customer meant: by its number ("2"), its title or value, a synonym, or a
/// title or synonym standing in a longer sentence ("where is my order?"), where the phrase with
/// more words wins. An answer that fits two choices equally well is not understood, rather than guessed.
/// </summary>
public static class ChoiceRecognizer
{
    public static Choice? Recognize(string? input, IReadOnlyList<Choice> choices)
    {
        var text = TextNormalizer.Normalize(input);
        if (text.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= choices.Count ? choices[number - 1] : null;
        }

        var phrases = choices.Select(choice => (choice, phrases: Phrases(choice))).ToList();
        var exact = phrases.Where(x => x.phrases.Contains(text)).Select(x => x.choice).Distinct().ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var scored = phrases
            .Select(x => (x.choice, score: x.phrases.Where(p => TextNormalizer.ContainsPhrase(text, p)).Select(WordCount).DefaultIfEmpty(0).Max()))
            .Where(x => x.score > 0)
            .OrderByDescending(x => x.score)
            .ToList();
        if (scored.Count == 0 || (scored.Count > 1 && scored[0].score == scored[1].score))
        {
            return null;
        }

        return scored[0].choice;
    }

    public static Choice? RecognizeValue(string? value, IReadOnlyList<Choice> choices) =>
        value is null ? null : choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase));

    private static int WordCount(string phrase) => phrase.Count(c => c == ' ') + 1;

    /// <summary>A choice's phrases, normalized once per choice: prompts re-read the same (shared) choices on every answer.</summary>
    private static readonly ConditionalWeakTable<Choice, HashSet<string>> NormalizedPhrases = [];

    private static HashSet<string> Phrases(Choice choice) => NormalizedPhrases.GetValue(choice, Normalize);

    private static HashSet<string> Normalize(Choice choice) =>
        [.. new[] { choice.Value, choice.Title, choice.Said }.Concat(choice.Synonyms).Select(TextNormalizer.Normalize).Where(p => p.Length > 0)];
}
