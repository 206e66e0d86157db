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
                MessengerJson.StringOf(value, "comment_id"),
                MessengerJson.StringOf(value, "post_id"),
                value.TryGetProperty("from", out var from) ? MessengerJson.StringOf(from, "id") : null,
                MessengerJson.StringOf(value, "message"),
                MessengerJson.Int64Of(value, "created_time"),
                MessengerJson.StringOf(value, "item"),
                MessengerJson.StringOf(value, "verb"))
            : null;
}
