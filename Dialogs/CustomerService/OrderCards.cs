using System.Globalization;
using ConversationBot.Cards;
using ConversationBot.Dialogs.Orders;
using Microsoft.Bot.Schema;
using CardOrderStatus = ConversationBot.Cards.OrderStatus;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>Turns an order from the shop system into the order-status card the customer sees.</summary>
public static class OrderCards
{
    public static Attachment Build(Order order, CultureInfo culture) =>
        CardAttachments.FromAdaptiveCard(OrderStatusCard.Build(
            new OrderStatusCardModel(
                order.Number,
                ToCardStatus(order.Status),
                order.OrderedOn,
                order.ExpectedDelivery,
                [.. order.Lines.Select(line => new OrderItem(line.Name, line.Quantity, new Money(line.UnitPrice, order.Currency)))],
                order.Carrier,
                order.TrackingUrl),
            culture));

    // The shop system's statuses and the ones a customer is shown happen to match one to one today;
    // the mapping is where they will part when a shop system reports finer states.
    private static CardOrderStatus ToCardStatus(Orders.OrderStatus status) => status switch
    {
        Orders.OrderStatus.Received => CardOrderStatus.Received,
        Orders.OrderStatus.Processing => CardOrderStatus.Processing,
        Orders.OrderStatus.Shipped => CardOrderStatus.Shipped,
        Orders.OrderStatus.OutForDelivery => CardOrderStatus.OutForDelivery,
        Orders.OrderStatus.Delivered => CardOrderStatus.Delivered,
        Orders.OrderStatus.Cancelled => CardOrderStatus.Cancelled,
        Orders.OrderStatus.ReturnRequested => CardOrderStatus.ReturnRequested,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status."),
    };
}
