using System.Globalization;
using ConversationBot.Bot.Messenger.Webhook;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// What makes two deliveries the same event: a message's id (mid), and for postbacks without a mid
/// and opt-ins, which have none, the sender, the timestamp and the kind (with the opt-in's token,
/// payload and status, so a stop and a resume in the same millisecond stay two events).
/// </summary>
public static class MessengerEventKey
{
    public static string For(MessagingEvent messagingEvent)
    {
        var sender = messagingEvent.Sender?.Id ?? string.Empty;
        var timestamp = messagingEvent.Timestamp.ToString(CultureInfo.InvariantCulture);
        if (messagingEvent.Message?.Mid is { Length: > 0 } mid)
        {
            return $"mid:{mid}";
        }

        if (messagingEvent.Postback is { } postback)
        {
            return postback.Mid is { Length: > 0 } postbackMid ? $"mid:{postbackMid}" : $"postback:{sender}:{timestamp}:{postback.Payload}";
        }

        if (WebhookComment.Read(messagingEvent.Comment) is { CommentId: { Length: > 0 } commentId } comment)
        {
            // One answer per comment, ever: a redelivered change (or an edit) is the same event.
            return $"comment:{commentId}:{comment.Verb}";
        }

        if (messagingEvent.Optin is { } optin)
        {
            return $"optin:{sender}:{timestamp}:{Field(optin, "notification_messages_token")}:{Field(optin, "payload")}:{Field(optin, "notification_messages_status")}";
        }

        if (messagingEvent.IsHandover)
        {
            var kind = messagingEvent.PassThreadControl is not null ? "pass" : messagingEvent.TakeThreadControl is not null ? "take" : "request";
            return $"handover:{sender}:{timestamp}:{kind}";
        }

        return $"other:{sender}:{timestamp}";
    }

    private static string? Field(System.Text.Json.JsonElement element, string name) =>
        element.ValueKind == System.Text.Json.JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.ToString() : null;
}
