using System.Text.Json;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>An attachment the customer sent: image, video, audio or file with a URL; templates and others carry other payloads.</summary>
public sealed record WebhookAttachment
{
    public string? Type { get; init; }

    public JsonElement? Payload { get; init; }

    public string? Url =>
        Payload is { ValueKind: JsonValueKind.Object } payload && payload.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
            ? url.GetString()
            : null;
}
