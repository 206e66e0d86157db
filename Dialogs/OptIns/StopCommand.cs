namespace ConversationBot.Dialogs.OptIns;

/// <summary>A typed "stop ..." message: stop everything, or the topic named after the word.</summary>
public sealed record StopCommand(bool All, string? TopicText);
