using System.Text.Json.Nodes;
using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// A campaign as one Send API "message" object (a token allows one message, so never two parts):
/// text with quick replies, or with an image a one-element generic template whose buttons are
/// postbacks. Either way a tap sends the button's payload to the bot and opens a conversation.
/// </summary>
public static class MessengerCampaignMessage
{
    public static JsonObject Build(CampaignContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.ImageUrl is null)
        {
            var message = new JsonObject { ["text"] = content.Text };
            if (content.Buttons.Count > 0)
            {
                message["quick_replies"] = new JsonArray([.. content.Buttons.Select(b => (JsonNode)new JsonObject
                {
                    ["content_type"] = "text",
                    ["title"] = b.Title,
                    ["payload"] = b.Payload,
                })]);
            }

            return message;
        }

        var element = new JsonObject
        {
            ["title"] = content.Text,
            ["image_url"] = content.ImageUrl.AbsoluteUri,
        };
        if (content.Buttons.Count > 0)
        {
            element["buttons"] = new JsonArray([.. content.Buttons.Select(b => (JsonNode)new JsonObject
            {
                ["type"] = "postback",
                ["title"] = b.Title,
                ["payload"] = b.Payload,
            })]);
        }

        return new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["template_type"] = "generic",
                    ["elements"] = new JsonArray(element),
                },
            },
        };
    }
}
