using System.Text.Json.Nodes;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// The composer's picture of what a Bot Framework channel shows (Bot/Delivery/BotFrameworkCampaignActivity.cs):
/// the activity as an Adaptive Card, the way Web Chat draws a message with a hero card and suggested
/// actions (text, image, a row of buttons), for Microsoft's Adaptive Cards renderer in the page
/// (wwwroot/console/card-preview.js). Buttons render, but do nothing in a preview.
/// </summary>
public static class ActivityCard
{
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject From(JsonNode activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var body = new JsonArray();
        if (activity["text"]?.GetValue<string>() is { Length: > 0 } text)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true });
        }

        foreach (var attachment in activity["attachments"]?.AsArray() ?? [])
        {
            foreach (var image in attachment?["content"]?["images"]?.AsArray() ?? [])
            {
                if (image?["url"]?.GetValue<string>() is { } url)
                {
                    body.Add(new JsonObject { ["type"] = "Image", ["url"] = url, ["altText"] = image["alt"]?.GetValue<string>() ?? "campaign image", ["size"] = "Stretch" });
                }
            }
        }

        var card = new JsonObject { ["type"] = "AdaptiveCard", ["$schema"] = Schema, ["version"] = "1.5", ["body"] = body };
        var actions = activity["suggestedActions"]?["actions"]?.AsArray() ?? [];
        if (actions.Count > 0)
        {
            card["actions"] = new JsonArray([.. actions.Select(a => (JsonNode)new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = a?["title"]?.GetValue<string>() ?? string.Empty,
                ["data"] = a?["value"]?.DeepClone(),
            })]);
        }

        return card;
    }
}
