using System.Globalization;
using ConversationBot.Cards;
using ConversationBot.Dialogs.Orders;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>Turns an order from the shop system into the order-status card the customer sees.</summary>
public static class OrderCards
{
    public static Attachment Build(Order order, CultureInfo culture) =>
        CardAttachments.FromAdaptiveCard(OrderStatusCard.Build(
            new OrderStatusCardModel(
                order.Number,
                order.Status,
                order.OrderedOn,
                order.ExpectedDelivery,
                [.. order.Lines.Select(line => new OrderItem(line.Name, line.Quantity, new Money(line.UnitPrice, order.Currency)))],
                order.Carrier,
                order.TrackingUrl),
            culture));
}
