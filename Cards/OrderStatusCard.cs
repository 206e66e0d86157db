using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Cards.Resources;
using static ConversationBot.Cards.CardElements;

namespace ConversationBot.Cards;

/// <summary>One order: its status first and large, then dates, the items as a table, and the total.</summary>
public static class OrderStatusCard
{
    // Fixed widths keep the quantity and amount columns aligned from row to row: each row is its
    // own ColumnSet, and "auto" would size every row differently.
    private const string QuantityWidth = "50px";
    private const string AmountWidth = "90px";

    public static JsonObject Build(OrderStatusCardModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.OrderNumber);
        ArgumentNullException.ThrowIfNull(model.Items);
        if (model.Items.Any(item => item.Quantity <= 0))
        {
            // A zero line would show a price the customer does not pay; the caller's data is wrong.
            throw new ArgumentException("Every order item needs a positive quantity.", nameof(model));
        }

        var body = new JsonArray
        {
            TextBlock(CardStrings.Format("OrderStatus_Title", culture, model.OrderNumber), weight: "Bolder", subtle: true),
            Container(
                [TextBlock(StatusLabel(model.Status, culture), size: "Large", weight: "Bolder", color: StatusColor(model.Status))],
                style: StatusStyle(model.Status),
                spacing: "Small"),
            FactSet(Facts(model, culture)),
        };

        if (model.Items.Count == 0)
        {
            body.Add(TextBlock(CardStrings.Get("OrderStatus_NoItems", culture), subtle: true, separator: true));
        }
        else
        {
            body.Add(ItemHeader(culture));
            foreach (var item in model.Items)
            {
                body.Add(ItemRow(item, culture));
            }
            var first = true;
            foreach (var total in Totals(model.Items))
            {
                body.Add(TotalRow(total, culture, separator: first));
                first = false;
            }
        }

        var actions = new JsonArray();
        if (model.TrackingUrl is not null)
        {
            actions.Add(OpenUrl(CardStrings.Get("Action_TrackParcel", culture), model.TrackingUrl));
        }

        return AdaptiveCard.Create(body, actions);
    }

    /// <summary>The customer-facing name of a status, for the dialogs' plain-text replies too.</summary>
    public static string StatusLabel(OrderStatus status, CultureInfo culture) =>
        CardStrings.Get($"Status_{status}", culture);

    private static IEnumerable<(string, string)> Facts(OrderStatusCardModel model, CultureInfo culture)
    {
        yield return (CardStrings.Get("OrderStatus_OrderDate", culture), model.OrderDate.ToString("D", culture));
        if (model.ExpectedDelivery is { } expected)
        {
            yield return (CardStrings.Get("OrderStatus_ExpectedDelivery", culture), expected.ToString("D", culture));
        }
        if (!string.IsNullOrWhiteSpace(model.Carrier))
        {
            yield return (CardStrings.Get("OrderStatus_Carrier", culture), model.Carrier);
        }
    }

    private static JsonObject ItemHeader(CultureInfo culture) => ColumnSet(
        [
            Column("stretch", TextBlock(CardStrings.Get("OrderStatus_ItemHeader", culture), weight: "Bolder", subtle: true)),
            Column(QuantityWidth, TextBlock(CardStrings.Get("OrderStatus_QuantityHeader", culture), weight: "Bolder", subtle: true, align: "Right")),
            Column(AmountWidth, TextBlock(CardStrings.Get("OrderStatus_AmountHeader", culture), weight: "Bolder", subtle: true, align: "Right")),
        ],
        spacing: "Medium",
        separator: true);

    private static JsonObject ItemRow(OrderItem item, CultureInfo culture)
    {
        var lineTotal = item.UnitPrice with { Amount = item.UnitPrice.Amount * item.Quantity };
        return ColumnSet(
            [
                Column(
                    "stretch",
                    TextBlock(item.Name),
                    TextBlock(CardStrings.Format("OrderStatus_UnitPrice", culture, MoneyFormat.Format(item.UnitPrice, culture)), size: "Small", subtle: true, spacing: "None")),
                Column(QuantityWidth, TextBlock(item.Quantity.ToString("N0", culture), align: "Right")),
                Column(AmountWidth, TextBlock(MoneyFormat.Format(lineTotal, culture), align: "Right")),
            ],
            spacing: "Small");
    }

    private static JsonObject TotalRow(Money total, CultureInfo culture, bool separator) => ColumnSet(
        [
            Column("stretch", TextBlock(CardStrings.Get("OrderStatus_Total", culture), weight: "Bolder")),
            Column("auto", TextBlock(MoneyFormat.Format(total, culture), weight: "Bolder", align: "Right")),
        ],
        spacing: "Small",
        separator: separator);

    // One total per currency: adding euros to pounds would be a wrong number, and orders that mix
    // currencies are rare enough that two total lines are acceptable.
    private static IEnumerable<Money> Totals(IEnumerable<OrderItem> items) =>
        items
            .GroupBy(item => item.UnitPrice.Currency.ToUpperInvariant())
            .Select(group => new Money(group.Sum(item => item.UnitPrice.Amount * item.Quantity), group.Key));

    private static string StatusColor(OrderStatus status) => status switch
    {
        OrderStatus.Delivered => "Good",
        OrderStatus.Cancelled => "Attention",
        OrderStatus.ReturnRequested => "Warning",
        _ => "Accent",
    };

    private static string StatusStyle(OrderStatus status) => status switch
    {
        OrderStatus.Delivered => "good",
        OrderStatus.Cancelled => "attention",
        OrderStatus.ReturnRequested => "warning",
        _ => "emphasis",
    };
}
