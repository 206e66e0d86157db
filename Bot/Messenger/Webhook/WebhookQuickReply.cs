namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>The payload of the quick reply the customer tapped (the message text is its title).</summary>
public sealed record WebhookQuickReply
{
    public string? Payload { get; init; }
}
