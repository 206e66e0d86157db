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

    /// <summary>
    /// A member of an object Meta sends as it found it: its string, or null when the element is no
    /// object, the member is missing or holds anything else (members are optional and have changed over time).
    /// </summary>
    public static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A whole-number member, or null (as <see cref="StringOf"/>).</summary>
    public static long? Int64Of(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
