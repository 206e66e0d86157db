namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>One event of a webhook POST as read: its key in the event log, its JSON as it came, and either the event or why it cannot run.</summary>
public sealed record WebhookEvent(string Key, string Raw, MessagingEvent? Event, string? Problem);
