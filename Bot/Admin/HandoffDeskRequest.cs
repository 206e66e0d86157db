namespace ConversationBot.Bot.Admin;

/// <summary>The body of a desk action: who acts (claim, reply, close) and, for a reply, the text.</summary>
public sealed record HandoffDeskRequest(string? Agent, string? Text);
