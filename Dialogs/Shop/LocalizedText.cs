using System.Globalization;

namespace ConversationBot.Dialogs.Shop;

/// <summary>A configured text in several languages, keyed by language code ("en", "de").</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>The text for the culture's language, else English, else any language configured.</summary>
    public string Get(CultureInfo culture) =>
        TryGetValue(culture.TwoLetterISOLanguageName, out var text) ? text
        : TryGetValue("en", out var english) ? english
        : Values.FirstOrDefault() ?? string.Empty;
}
