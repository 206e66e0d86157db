using System.Text.Json;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>How Meta's JSON is named (snake_case) and how deep it may nest.</summary>
public static class MessengerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        MaxDepth = 64,
    };
}
