using System.Globalization;

namespace ConversationBot.Dialogs.Localization;

/// <summary>The languages the bot speaks, and how an activity's locale maps to one of them.</summary>
public static class SupportedCultures
{
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    public static CultureInfo German { get; } = CultureInfo.GetCultureInfo("de");

    public static IReadOnlyList<CultureInfo> All { get; } = [English, German];

    /// <summary>
    /// Picks the language for a locale such as "de-CH" or "en-US"; anything else (absent, unknown,
    /// malformed) gets <paramref name="fallback"/>. The regional culture is kept for formatting
    /// (dates, money), the texts come from its language.
    /// </summary>
    public static CultureInfo Resolve(string? locale, CultureInfo fallback)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return fallback;
        }

        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(locale.Trim());
        }
        catch (CultureNotFoundException)
        {
            return fallback;
        }

        var language = culture.TwoLetterISOLanguageName;
        return All.Any(c => c.TwoLetterISOLanguageName == language) ? culture : fallback;
    }
}
