namespace ConversationBot.Dialogs.Orders;

public sealed record OrderLine(string Name, int Quantity, decimal UnitPrice);
