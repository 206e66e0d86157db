using System.Globalization;
using ConversationBot.Cards;

namespace ConversationBot.Bot.Tests.Cards;

public class OrderStatusCardTests
{
    // ICU puts a no-break space between amount and symbol, and in long German dates.
    private const char Nbsp = '\u00A0';

    public static TheoryData<OrderStatus> Statuses => [.. Enum.GetValues<OrderStatus>()];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_status_has_its_own_label_in_both_languages(OrderStatus status)
    {
        var english = OrderStatusCard.StatusLabel(status, CardGallery.English);
        var german = OrderStatusCard.StatusLabel(status, CardGallery.German);

        Assert.NotEqual(english, german);
        Assert.Single(Enum.GetValues<OrderStatus>(), other => OrderStatusCard.StatusLabel(other, CardGallery.English) == english);
        Assert.Single(Enum.GetValues<OrderStatus>(), other => OrderStatusCard.StatusLabel(other, CardGallery.German) == german);
    }

    [Fact]
    public void Shows_the_status_large_right_after_the_order_number()
    {
        var card = OrderStatusCard.Build(CardGallery.ShippedOrder with { Status = OrderStatus.OutForDelivery }, CardGallery.English);

        Assert.Equal(["Order A-10042", "Out for delivery"], CardJson.Texts(card).Take(2));
        var status = CardJson.Elements(card["body"]![1], "TextBlock").Single();
        Assert.Equal("Large", (string?)status["size"]);
    }

    [Fact]
    public void Formats_dates_the_english_way_for_english_customers()
    {
        var texts = CardJson.Texts(OrderStatusCard.Build(CardGallery.ShippedOrder, CardGallery.English)).ToList();

        Assert.Contains("Friday, November 20, 2026", texts);
        Assert.Contains("Thursday, November 26, 2026", texts);
    }

    [Fact]
    public void Formats_dates_the_german_way_for_german_customers()
    {
        var texts = CardJson.Texts(OrderStatusCard.Build(CardGallery.ShippedOrder, CardGallery.German)).ToList();

        Assert.Contains("Freitag, 20. November 2026", texts.Select(NormalizeSpaces));
        Assert.Contains("Donnerstag, 26. November 2026", texts.Select(NormalizeSpaces));
    }

    [Fact]
    public void Leaves_out_the_expected_delivery_when_there_is_none()
    {
        var texts = CardJson.Texts(OrderStatusCard.Build(CardGallery.EmptyCancelledOrder, CardGallery.English)).ToList();

        Assert.DoesNotContain("Expected delivery", texts);
        Assert.Contains("Ordered on", texts);
    }

    [Fact]
    public void Formats_money_in_the_customers_culture()
    {
        var english = CardJson.Texts(OrderStatusCard.Build(CardGallery.ShippedOrder, CardGallery.English)).ToList();
        var german = CardJson.Texts(OrderStatusCard.Build(CardGallery.ShippedOrder, CardGallery.German)).Select(NormalizeSpaces).ToList();

        Assert.Contains("€1,234.50", english);
        Assert.Contains("€12.50 each", english);
        Assert.Contains("€25.00", english);
        Assert.Contains("1.234,50 €", german);
        Assert.Contains("je 12,50 €", german);
        Assert.Contains("25,00 €", german);
    }

    [Fact]
    public void Totals_the_items()
    {
        var texts = CardJson.Texts(OrderStatusCard.Build(CardGallery.ShippedOrder, CardGallery.English)).ToList();

        // 89.95 + 2 x 12.50 + 1234.50
        Assert.Equal("€1,349.45", texts[texts.IndexOf("Total") + 1]);
    }

    [Fact]
    public void Totals_each_currency_on_its_own_line()
    {
        var texts = CardJson.Texts(OrderStatusCard.Build(CardGallery.LongNamesOrder, CardGallery.English)).ToList();

        // 249.00 + 12 x 19.99; 1000 x 9.99 CHF
        var totals = texts.Select((text, i) => (text, i)).Where(t => t.text == "Total").Select(t => texts[t.i + 1]);
        Assert.Equal(["€488.88", "CHF 9,990.00"], totals.Select(NormalizeSpaces));
    }

    [Fact]
    public void Says_so_when_the_order_has_no_items()
    {
        var card = OrderStatusCard.Build(CardGallery.EmptyCancelledOrder, CardGallery.German);
        var texts = CardJson.Texts(card).ToList();

        Assert.Contains("Diese Bestellung enthält keine Artikel.", texts);
        Assert.DoesNotContain("Gesamt", texts);
    }

    [Fact]
    public void Offers_parcel_tracking_only_with_a_tracking_url()
    {
        var tracked = OrderStatusCard.Build(CardGallery.ShippedOrder, CardGallery.German);
        var untracked = OrderStatusCard.Build(CardGallery.ShippedOrder with { TrackingUrl = null }, CardGallery.German);

        var track = Assert.Single(tracked["actions"]!.AsArray())!;
        Assert.Equal("Sendung verfolgen", (string?)track["title"]);
        Assert.Equal(CardGallery.ShippedOrder.TrackingUrl!.AbsoluteUri, (string?)track["url"]);
        Assert.Null(untracked["actions"]);
    }

    [Fact]
    public void Names_the_carrier_when_given()
    {
        var texts = CardJson.Texts(OrderStatusCard.Build(CardGallery.ShippedOrder, CardGallery.English)).ToList();

        Assert.Equal("DHL", texts[texts.IndexOf("Carrier") + 1]);
    }

    [Fact]
    public void Refuses_an_item_without_a_positive_quantity()
    {
        var model = CardGallery.ShippedOrder with { Items = [new OrderItem("Gift card", 0, new Money(10m, "EUR"))] };

        Assert.Throws<ArgumentException>(() => OrderStatusCard.Build(model, CardGallery.English));
    }

    [Fact]
    public void Does_not_depend_on_the_threads_culture()
    {
        var before = CultureInfo.CurrentCulture;
        var beforeUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");

            var german = OrderStatusCard.Build(CardGallery.ShippedOrder, CardGallery.German).ToJsonString();

            Assert.Equal(OrderStatusCard.Build(CardGallery.ShippedOrder, CardGallery.German).ToJsonString(), german);
            Assert.Contains("Versandt", german, StringComparison.Ordinal);
            Assert.DoesNotContain("novembre", german, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    private static string NormalizeSpaces(string text) => text.Replace(Nbsp, ' ').Replace('\u202F', ' ');
}
