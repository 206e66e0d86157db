using System.Globalization;
using ConversationBot.Cards;

namespace ConversationBot.Bot.Tests.Cards;

public class MoneyFormatTests
{
    [Theory]
    [InlineData("en-US", 1234.5, "EUR", "€1,234.50")]
    [InlineData("de-DE", 1234.5, "EUR", "1.234,50 €")]
    [InlineData("en-US", 9.99, "usd", "$9.99")]
    [InlineData("de-DE", 9.99, "USD", "9,99 $")]
    [InlineData("en-GB", 5, "GBP", "£5.00")]
    [InlineData("en-US", 12.5, "CHF", "CHF 12.50")]
    [InlineData("de-DE", 12.5, "CHF", "12,50 CHF")]
    [InlineData("de", 0, "EUR", "0,00 €")]
    public void Uses_the_customers_number_format_and_the_orders_currency(string culture, decimal amount, string currency, string expected)
    {
        var text = MoneyFormat.Format(new Money(amount, currency), CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, text.Replace('\u00A0', ' '));
    }
}
