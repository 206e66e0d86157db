using System.Text.Json;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>One messaging event: exactly one of message, postback, optin, referral, delivery, read (or something newer) is set.</summary>
public sealed record MessagingEvent
{
    public WebhookParty? Sender { get; init; }

    public WebhookParty? Recipient { get; init; }

    /// <summary>Unix milliseconds; Meta does not keep events in order, this does.</summary>
    public long Timestamp { get; init; }

    public WebhookMessage? Message { get; init; }

    public WebhookPostback? Postback { get; init; }

    /// <summary>A <c>messaging_referrals</c> event: an m.me link or an ad opened an existing thread (<see cref="WebhookReferral"/>).</summary>
    public JsonElement? Referral { get; init; }

    /// <summary>
    /// A comment on the Page's posts (a <c>feed</c> change), carried in the event form the event log and
    /// the turns know (<see cref="WebhookReader"/>: sender the commenter, recipient the Page): <see cref="WebhookComment"/>.
    /// </summary>
    public JsonElement? Comment { get; init; }

    /// <summary>Kept as JSON: the opt-in handling reads fields that differ between rule sets (see docs/messenger-platform.md §3).</summary>
    public JsonElement? Optin { get; init; }

    /// <summary>Came on the standby channel: another app (the Page Inbox) holds the thread (<see cref="WebhookReader"/> marks it).</summary>
    public bool Standby { get; init; }

    /// <summary>The handover protocol: the thread was passed to this app (<c>new_owner_app_id</c>, <c>previous_owner_app_id</c>, <c>metadata</c>).</summary>
    public JsonElement? PassThreadControl { get; init; }

    /// <summary>The handover protocol: another app took the thread from this one.</summary>
    public JsonElement? TakeThreadControl { get; init; }

    /// <summary>The handover protocol: another app asks this one, which holds the thread, for it (<c>requested_owner_app_id</c>, <c>metadata</c>).</summary>
    public JsonElement? RequestThreadControl { get; init; }

    public bool IsHandover => PassThreadControl is not null || TakeThreadControl is not null || RequestThreadControl is not null;

    /// <summary>The event exactly as it arrived.</summary>
    public string Raw { get; private init; } = "{}";

    public string? OptinType =>
        Optin is { ValueKind: JsonValueKind.Object } optin && optin.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

    /// <summary>Reads one event; throws <see cref="JsonException"/> when it is not an event object.</summary>
    public static MessagingEvent Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A messaging event must be a JSON object.");
        }

        var messagingEvent = element.Deserialize<MessagingEvent>(MessengerJson.Options) ?? throw new JsonException("The messaging event is empty.");
        return messagingEvent with { Raw = element.GetRawText() };
    }
}
