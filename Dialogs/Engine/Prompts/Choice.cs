namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>One option of a choice prompt: a stable value, the title the customer sees, and other words that mean it.</summary>
public sealed record Choice(string Value, string Title, IReadOnlyList<string> Synonyms);
