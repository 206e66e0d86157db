namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>Sender or recipient: a page-scoped id (PSID) for a person, the page id for the page.</summary>
public sealed record WebhookParty
{
    public string? Id { get; init; }
}
