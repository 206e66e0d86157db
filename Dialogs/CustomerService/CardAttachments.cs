using System.Text.Json.Nodes;
using ConversationBot.Cards;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// Wraps a card built by Cards/ (System.Text.Json) as a Bot Framework attachment. The connector
/// serializes attachments with Newtonsoft, which would write a JsonNode as an empty object, so
/// the content becomes a JObject.
/// </summary>
public static class CardAttachments
{
    public static Attachment FromAdaptiveCard(JsonObject card) => new()
    {
        ContentType = AdaptiveCard.ContentType,
        Content = JObject.Parse(card.ToJsonString()),
    };
}
