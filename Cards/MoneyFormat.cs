using System.Globalization;

namespace ConversationBot.Cards;

/// <summary>
/// Formats an amount in the customer's culture but in the order's currency: "12,50 €" for de,
/// "€12.50" for en. The culture's own currency symbol would be wrong (a German customer of a
/// Swiss shop pays CHF, not €).
/// </summary>
internal static class MoneyFormat
{
    // The currencies the shop sells in; any other shows its ISO code, which is never ambiguous.
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€",
        ["USD"] = "$",
        ["GBP"] = "£",
    };

    public static string Format(Money money, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        var code = money.Currency.ToUpperInvariant();
        if (Symbols.TryGetValue(code, out var symbol))
        {
            format.CurrencySymbol = symbol;
        }
        else
        {
            format.CurrencySymbol = code;
            // "$n" patterns would glue a code to the number ("CHF12.50"); use their spaced twins.
            if (format.CurrencyPositivePattern == 0)
            {
                format.CurrencyPositivePattern = 2;
            }
            if (format.CurrencyNegativePattern == 1)
            {
                format.CurrencyNegativePattern = 12;
            }
        }
        return money.Amount.ToString("C", format);
    }
}
