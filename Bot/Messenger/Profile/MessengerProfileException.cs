namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>Meta refused a profile call; the message says in words what happened and what to do.</summary>
public sealed class MessengerProfileException(string message) : Exception(message);
