namespace ConversationBot.Dialogs.Orders;

/// <summary>Finds an order by its number. The shop system plugs in here; the bot ships a JSON-file version for demos and tests.</summary>
public interface IOrderLookup
{
    /// <returns>The order, or null when no order has that number.</returns>
    Task<Order?> FindAsync(string orderNumber, CancellationToken cancellationToken);
}
