using System.Text.Json;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>
/// A <c>feed</c> change about a comment (docs/messenger-platform.md §10): its ids (opaque strings), who
/// wrote it (not a page-scoped id: no Send API recipient), its text when Meta includes it, and when it
/// was written (seconds). Every member optional, read as strings and numbers where they are.
/// </summary>
public sealed record WebhookComment(string? CommentId, string? PostId, string? FromId, string? Message, long? CreatedTime, string? Item, string? Verb)
{
    /// <summary>A new comment (not an edit, a removal, a reaction or a post).</summary>
    public bool IsNewComment => Item == "comment" && Verb == "add" && !string.IsNullOrEmpty(CommentId);

    public static WebhookComment? Read(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value
            ? new WebhookComment(
                Text(value, "comment_id"),
                Text(value, "post_id"),
                value.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object ? Text(from, "id") : null,
                Text(value, "message"),
                value.TryGetProperty("created_time", out var created) && created.ValueKind == JsonValueKind.Number && created.TryGetInt64(out var seconds) ? seconds : null,
                Text(value, "item"),
                Text(value, "verb"))
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
