using ConversationBot.Bot.Messenger.Webhook;

namespace ConversationBot.Bot.Messenger.Turns;

/// <summary>An event waiting for its turn: as read from the POST that brought it, or (taken over from a stopped host) as stored.</summary>
public sealed record QueuedEvent(string Key, string Sender, string Raw, MessagingEvent? Event = null);
