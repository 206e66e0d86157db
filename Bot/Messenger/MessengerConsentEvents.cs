using ConversationBot.Notifications.Consent;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Reads a Messenger opt-in, stop or resume (the "messenger.optin" event the webhook raises) as the
/// domain's consent event: the expiry in seconds or milliseconds, both status spellings, REFRESHED
/// tokens, and the event's own time, which decides between a stop and a resume that cross.
/// </summary>
public static class MessengerConsentEvents
{
    /// <returns>The consent event, or null when the activity is not a usable notification_messages opt-in.</returns>
    public static ConsentEvent? From(IActivity activity)
    {
        if (activity is not IEventActivity { Name: MessengerActivityFactory.OptinEventName, Value: JObject optin }
            || Text(optin, "type") != "notification_messages"
            || !MessengerOptInFields.TryReadStatus(Text(optin, "notification_messages_status"), out var kind))
        {
            return null;
        }

        var customer = activity.From.Id;
        var at = activity.Timestamp ?? throw new InvalidOperationException("A Messenger event always has a timestamp.");
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
                optin["token_expiry_timestamp"] is { Type: JTokenType.Integer } expiry ? MessengerOptInFields.ExpiryFromUnix(expiry.Value<long>()) : null,
                MessengerOptInFields.IsRefreshed(Text(optin, "user_token_status"))),
        };
    }

    private static string? Text(JObject json, string name) => json[name]?.Type == JTokenType.String ? json[name]!.Value<string>() : null;
}
