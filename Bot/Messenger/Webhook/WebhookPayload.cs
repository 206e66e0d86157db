using System.Text.Json.Serialization;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>A webhook POST: the subscribed object ("page" for Messenger) and its entries.</summary>
public sealed record WebhookPayload
{
    [JsonPropertyName("object")]
    public string? ObjectType { get; init; }

    public IReadOnlyList<WebhookEntry>? Entry { get; init; }
}
