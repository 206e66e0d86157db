namespace ConversationBot.Bot.BotFramework;

/// <summary>What makes two connector clients interchangeable: the same bot identity talking to the same channel endpoint for the same audience.</summary>
public readonly record struct ConnectorKey(string AppId, string ServiceUrl, string Audience);
