using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;

/// <summary>What the stand-in answers one call: the HTTP status and Meta's JSON.</summary>
public sealed record LocalGraphAnswer(int Status, JsonObject Body);
