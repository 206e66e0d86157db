namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>A message event: the customer's text, quick-reply answer or attachments, or an echo of what the page sent.</summary>
public sealed record WebhookMessage
{
    public string? Mid { get; init; }

    public string? Text { get; init; }

    public bool IsEcho { get; init; }

    public WebhookQuickReply? QuickReply { get; init; }

    public IReadOnlyList<WebhookAttachment>? Attachments { get; init; }

    /// <summary>Set on the first message after a click-to-Messenger ad (<see cref="WebhookReferral"/>).</summary>
    public System.Text.Json.JsonElement? Referral { get; init; }
}
