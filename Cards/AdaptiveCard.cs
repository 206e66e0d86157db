using System.Text.Json.Nodes;

namespace ConversationBot.Cards;

/// <summary>
/// What every card shares: the attachment content type and the envelope of an Adaptive Card.
/// </summary>
public static class AdaptiveCard
{
    /// <summary>The attachment content type channels expect for an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>
    /// 1.4 rather than 1.5: the Emulator's embedded Web Chat and Teams on mobile render 1.4 fully,
    /// and the cards need nothing newer (tables are ColumnSets).
    /// </summary>
    public const string Version = "1.4";

    // No "lang": adaptivecards 3.0.6 checks it with a global regex (/^[a-z]{2,3}$/gi) whose
    // lastIndex survives between calls, so every second card with "lang" fails validation.
    internal static JsonObject Create(JsonArray body, JsonArray? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions is { Count: > 0 })
        {
            card["actions"] = actions;
        }
        return card;
    }
}
