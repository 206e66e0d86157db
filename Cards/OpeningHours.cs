namespace ConversationBot.Cards;

/// <param name="Days">As configured, already in the customer's language, such as "Mon–Fri".</param>
/// <param name="Hours">As configured, such as "9:00–18:00"; null when closed, which the card says in the customer's language.</param>
public sealed record OpeningHours(string Days, string? Hours);
