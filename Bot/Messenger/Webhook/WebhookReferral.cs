using System.Text.Json;

namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>
/// Where a person came from, as Meta reports it in three places: a Get Started postback (a new person
/// through an m.me link or QR code), a <c>messaging_referrals</c> event (an existing thread opened by a
/// link, or an ad), and a message after an ad (docs/messenger-platform.md §9). Every member is optional
/// and Meta has changed them over time, so the event keeps the JSON and this reads what it finds:
/// strings only, anything else as absent. The <see cref="Ref"/> is untrusted text.
/// </summary>
public sealed record WebhookReferral(string? Ref, string? Source, string? Type, string? AdId)
{
    /// <summary>A click-to-Messenger ad: the person has not written yet, so nothing is sent until they do.</summary>
    public bool IsAd => string.Equals(Source, "ADS", StringComparison.OrdinalIgnoreCase) || AdId is not null;

    public static WebhookReferral? Read(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } referral
            ? new WebhookReferral(MessengerJson.StringOf(referral, "ref"), MessengerJson.StringOf(referral, "source"), MessengerJson.StringOf(referral, "type"), MessengerJson.StringOf(referral, "ad_id"))
            : null;
}
