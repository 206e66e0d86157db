namespace ConversationBot.Bot.Messenger;

/// <summary>What the Send API answered: the recipient's PSID and the new message's id (absent for sender actions).</summary>
public sealed record MessengerSendResult(string? RecipientId, string? MessageId);
