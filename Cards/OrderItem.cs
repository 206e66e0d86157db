namespace ConversationBot.Cards;

public sealed record OrderItem(string Name, int Quantity, Money UnitPrice);
