namespace ConversationBot.Cards;

/// <param name="Currency">ISO 4217 code, such as "EUR".</param>
public sealed record Money(decimal Amount, string Currency);
