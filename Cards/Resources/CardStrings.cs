using System.Globalization;
using System.Resources;

namespace ConversationBot.Cards.Resources;

/// <summary>
/// The cards' customer-facing labels (CardStrings.resx, CardStrings.de.resx).
/// Always looked up for an explicit culture: turns in different languages run at the same time,
/// so the thread's current culture says nothing about the customer.
/// </summary>
internal static class CardStrings
{
    private static readonly ResourceManager Resources =
        new("ConversationBot.Cards.Resources.CardStrings", typeof(CardStrings).Assembly);

    internal static ResourceManager ResourceManager => Resources;

    public static string Get(string name, CultureInfo culture) =>
        Resources.GetString(name, culture)
        // A missing label must fail the card tests, not show up as an empty line to a customer.
        ?? throw new InvalidOperationException($"CardStrings has no entry '{name}'.");

    public static string Format(string name, CultureInfo culture, params object[] args) =>
        string.Format(culture, Get(name, culture), args);
}
