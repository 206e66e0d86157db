using System.Text.Json.Nodes;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// The composer's picture of what Messenger shows for a Send API message (Bot/Delivery/MessengerCampaignMessage.cs):
/// a text bubble with quick replies under it, or a generic template's card (image, title, subtitle, buttons).
/// The image is named, not loaded: the console loads nothing from other sites (Bot/Security/SecurityHeaders.cs).
/// </summary>
public sealed record MessengerBubble(string? Text, string? Title, string? Subtitle, string? ImageUrl, IReadOnlyList<string> Buttons, IReadOnlyList<string> QuickReplies)
{
    public bool IsCard => Title is not null || ImageUrl is not null;

    /// <param name="sent">A Send API body (its <c>message</c> is drawn) or the message object itself.</param>
    public static MessengerBubble From(JsonObject sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var message = sent["message"] as JsonObject ?? sent;
        var quickReplies = Titles(message["quick_replies"]);
        if (message["attachment"]?["payload"]?["elements"]?.AsArray() is [JsonObject element, ..])
        {
            return new MessengerBubble(
                null,
                element["title"]?.GetValue<string>(),
                element["subtitle"]?.GetValue<string>(),
                element["image_url"]?.GetValue<string>(),
                Titles(element["buttons"]),
                quickReplies);
        }

        var buttons = Titles(message["attachment"]?["payload"]?["buttons"]);
        var text = message["text"]?.GetValue<string>() ?? message["attachment"]?["payload"]?["text"]?.GetValue<string>();
        return new MessengerBubble(text, null, null, null, buttons, quickReplies);
    }

    private static List<string> Titles(JsonNode? items) =>
        [.. (items?.AsArray() ?? []).Select(i => i?["title"]?.GetValue<string>()).OfType<string>()];
}
