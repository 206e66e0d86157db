using System.Text.Json;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Notifications.Consent;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Reads a webhook event's <c>optin</c> of type <c>notification_messages</c> as the domain's consent
/// event (docs/messenger-platform.md §3): an opt-in, a stop or a resume, with the expiry in seconds or
/// milliseconds, both status spellings, REFRESHED tokens, and the event's own time, which decides
/// between a stop and a resume that cross. The one parser of opt-ins: the webhook uses it, and the
/// tests run it over every <c>optin-*.json</c> sample.
/// </summary>
public static class MessengerOptIn
{
    public const string NotificationMessages = "notification_messages";

    /// <summary>Whether the event is a recurring-notification opt-in, stop or resume at all (usable or not).</summary>
    public static bool IsNotificationMessages(MessagingEvent messagingEvent)
    {
        ArgumentNullException.ThrowIfNull(messagingEvent);
        return messagingEvent.OptinType == NotificationMessages;
    }

    /// <returns>The consent event, or null when the event is no usable notification_messages opt-in (another type, an unknown status, an opt-in without a token).</returns>
    public static ConsentEvent? From(MessagingEvent messagingEvent)
    {
        ArgumentNullException.ThrowIfNull(messagingEvent);
        if (!IsNotificationMessages(messagingEvent)
            || messagingEvent.Optin is not { } optin
            || messagingEvent.Sender?.Id is not { } customer
            || string.IsNullOrWhiteSpace(customer)
            || !MessengerOptInFields.TryReadStatus(Text(optin, "notification_messages_status"), out var kind))
        {
            return null;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(messagingEvent.Timestamp);
        var token = Text(optin, "notification_messages_token");
        var payload = Text(optin, "payload");
        var title = Text(optin, "title");
        return kind switch
        {
            ConsentEventKind.Stop => ConsentEvent.Stop(customer, at, token, payload, title),
            ConsentEventKind.Resume => ConsentEvent.Resume(customer, at, token, payload, title),
            _ when string.IsNullOrWhiteSpace(token) => null,
            _ => ConsentEvent.OptIn(
                customer,
                at,
                token,
                payload,
                title,
                Text(optin, "notification_messages_timezone"),
                MessengerOptInFields.ReadFrequency(Text(optin, "notification_messages_frequency")),
                optin.TryGetProperty("token_expiry_timestamp", out var expiry) && expiry.ValueKind == JsonValueKind.Number && expiry.TryGetInt64(out var unix)
                    ? MessengerOptInFields.ExpiryFromUnix(unix)
                    : null,
                MessengerOptInFields.IsRefreshed(Text(optin, "user_token_status"))),
        };
    }

    private static string? Text(JsonElement optin, string name) => MessengerJson.StringOf(optin, name);
}
