using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using ConversationBot.Dialogs.Resources;

namespace ConversationBot.Dialogs.Localization;

/// <summary>
/// The bot's customer-facing texts in one language, read from Resources/DialogStrings*.resx.
/// Always bound to an explicit culture: turns in different languages run at the same time, so the
/// thread's current culture means nothing here.
/// </summary>
public sealed class Texts
{
    private static readonly ResourceManager Resources = DialogStrings.ResourceManager;
    private static readonly ConcurrentDictionary<string, Texts> Cache = new(StringComparer.OrdinalIgnoreCase);

    private Texts(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; }

    public string this[string key] =>
        Resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"No text '{key}' in DialogStrings.");

    public static Texts For(CultureInfo culture) => Cache.GetOrAdd(culture.Name, _ => new Texts(culture));

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>A vocabulary entry: the resource holds alternatives separated by ';'.</summary>
    public IReadOnlyList<string> Words(string key) => Split(this[key]);

    /// <summary>
    /// A vocabulary entry in every language the bot speaks: a German customer whose Emulator says
    /// en-US still types "abbrechen", so input is understood in both.
    /// </summary>
    public static IReadOnlyList<string> WordsInAnyLanguage(string key) =>
        SupportedCultures.All.SelectMany(c => For(c).Words(key)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static string[] Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
