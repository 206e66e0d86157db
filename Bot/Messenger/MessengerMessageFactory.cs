using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// Turns a reply activity into Send API "message" objects, in order: the text, then each
/// attachment (hero cards side by side as one generic template, images as images, Adaptive Cards,
/// which Messenger cannot show, as their text plus a button template), with the suggested actions
/// as quick replies on the last message. Meta's limits are applied here (titles of 20 characters,
/// 3 buttons, 10 elements) so that a long label shortens instead of failing the whole send.
/// </summary>
public static class MessengerMessageFactory
{
    public const int MaxTextLength = 2000;
    public const int MaxQuickReplies = 13;
    public const int MaxQuickReplyTitle = 20;
    public const int MaxButtonTitle = 20;
    public const int MaxButtons = 3;
    public const int MaxElements = 10;
    public const int MaxElementTitle = 80;
    public const int MaxButtonTemplateText = 640;
    public const int MaxPayload = 1000;

    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static IReadOnlyList<JsonObject> Messages(IMessageActivity activity)
    {
        var messages = new List<JsonObject>();
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            messages.Add(new JsonObject { ["text"] = Shorten(activity.Text, MaxTextLength) });
        }

        var elements = new List<JsonObject>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType is HeroCard.ContentType or ThumbnailCard.ContentType)
            {
                var card = ReadHeroCard(attachment.Content);
                if (string.IsNullOrWhiteSpace(card.Title) && string.IsNullOrWhiteSpace(card.Subtitle) && (card.Images?.Count ?? 0) == 0)
                {
                    // A text with buttons (the returns policy): a generic template would cut the text to 80 characters.
                    FlushElements(messages, elements);
                    messages.AddRange(TextWithButtons(card.Text, Buttons(card.Buttons)));
                }
                else
                {
                    elements.Add(Element(card));
                }

                continue;
            }

            FlushElements(messages, elements);
            if (attachment.ContentType == AdaptiveCardContentType)
            {
                messages.AddRange(FromAdaptiveCard(attachment.Content as JObject ?? JObject.FromObject(attachment.Content)));
            }
            else if (attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true && !string.IsNullOrWhiteSpace(attachment.ContentUrl))
            {
                messages.Add(new JsonObject
                {
                    ["attachment"] = new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = attachment.ContentUrl } },
                });
            }
        }

        FlushElements(messages, elements);

        // Azure Bot Service's Facebook channel sends a native attachment given in channelData; so do we
        // (e.g. the notification_messages opt-in template).
        if (activity.ChannelData is JObject { } channelData && channelData["attachment"] is JObject native)
        {
            messages.Add(new JsonObject { ["attachment"] = JsonNode.Parse(native.ToString(Newtonsoft.Json.Formatting.None)) });
        }

        var quickReplies = QuickReplies(activity.SuggestedActions);
        if (quickReplies is not null && messages.Count > 0)
        {
            messages[^1]["quick_replies"] = quickReplies;
        }

        return messages;
    }

    /// <summary>Shortens to <paramref name="max"/> characters, ending with "…", without splitting a surrogate pair.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static JsonArray? QuickReplies(SuggestedActions? suggested)
    {
        var actions = suggested?.Actions?.Where(a => !string.IsNullOrWhiteSpace(a.Title) || a.Value is string).Take(MaxQuickReplies).ToList();
        if (actions is null || actions.Count == 0)
        {
            return null;
        }

        var replies = new JsonArray();
        foreach (var action in actions)
        {
            var title = string.IsNullOrWhiteSpace(action.Title) ? (string)action.Value : action.Title;

            // The payload is the text the prompt expects back (an imBack's value): the title Meta
            // echoes as the message text may have been shortened, the payload never is.
            var payload = action.Value as string ?? title;
            replies.Add(new JsonObject
            {
                ["content_type"] = "text",
                ["title"] = Shorten(title, MaxQuickReplyTitle),
                ["payload"] = Shorten(payload, MaxPayload),
            });
        }

        return replies;
    }

    private static HeroCard ReadHeroCard(object content) =>
        content as HeroCard ?? JObject.FromObject(content).ToObject<HeroCard>() ?? new HeroCard();

    private static JsonObject Element(HeroCard card)
    {
        var title = FirstText(card.Title, card.Subtitle, card.Text) ?? " ";
        var subtitle = string.IsNullOrWhiteSpace(card.Title) ? null : FirstText(card.Subtitle, card.Text);
        var element = new JsonObject { ["title"] = Shorten(title, MaxElementTitle) };
        if (subtitle is not null)
        {
            element["subtitle"] = Shorten(subtitle, MaxElementTitle);
        }

        if (card.Images?.FirstOrDefault()?.Url is { Length: > 0 } image)
        {
            element["image_url"] = image;
        }

        var buttons = Buttons(card.Buttons);
        if (buttons.Count > 0)
        {
            element["buttons"] = buttons;
        }

        return element;
    }

    private static void FlushElements(List<JsonObject> messages, List<JsonObject> elements)
    {
        foreach (var chunk in elements.Chunk(MaxElements))
        {
            messages.Add(Template(new JsonObject { ["template_type"] = "generic", ["elements"] = new JsonArray([.. chunk]) }));
        }

        elements.Clear();
    }

    /// <summary>A text with buttons: a button template when the text fits, otherwise the text and then the buttons under its first line.</summary>
    private static IEnumerable<JsonObject> TextWithButtons(string? text, JsonArray buttons)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (buttons.Count == 0)
        {
            if (text is not null)
            {
                yield return new JsonObject { ["text"] = Shorten(text, MaxTextLength) };
            }

            yield break;
        }

        var buttonText = text ?? "…";
        if (buttonText.Length > MaxButtonTemplateText)
        {
            yield return new JsonObject { ["text"] = Shorten(buttonText, MaxTextLength) };
            buttonText = Shorten(buttonText.Split('\n')[0], MaxButtonTemplateText);
        }

        yield return Template(new JsonObject { ["template_type"] = "button", ["text"] = buttonText, ["buttons"] = buttons });
    }

    private static JsonObject Template(JsonObject payload) =>
        new() { ["attachment"] = new JsonObject { ["type"] = "template", ["payload"] = payload } };

    private static JsonArray Buttons(IEnumerable<CardAction>? actions)
    {
        var buttons = new JsonArray();
        foreach (var action in actions ?? [])
        {
            if (buttons.Count == MaxButtons)
            {
                break;
            }

            var title = Shorten(action.Title ?? action.Value?.ToString() ?? string.Empty, MaxButtonTitle);
            var value = action.Value is string s ? s : action.Value is null ? action.Title : JToken.FromObject(action.Value).ToString(Newtonsoft.Json.Formatting.None);
            switch (action.Type)
            {
                case ActionTypes.OpenUrl when Uri.IsWellFormedUriString(value, UriKind.Absolute):
                    buttons.Add(new JsonObject { ["type"] = "web_url", ["url"] = value, ["title"] = title });
                    break;
                case ActionTypes.ImBack or ActionTypes.PostBack or ActionTypes.MessageBack when !string.IsNullOrEmpty(value):
                    buttons.Add(new JsonObject { ["type"] = "postback", ["title"] = title, ["payload"] = Shorten(value, MaxPayload) });
                    break;
                case ActionTypes.Call when !string.IsNullOrEmpty(value):
                    buttons.Add(new JsonObject { ["type"] = "phone_number", ["title"] = title, ["payload"] = value.Replace("tel:", string.Empty, StringComparison.OrdinalIgnoreCase) });
                    break;
                default:
                    // Sign-in, download, play...: nothing Messenger has a button for.
                    break;
            }
        }

        return buttons;
    }

    /// <summary>The card's readable text (TextBlocks, FactSets, columns side by side) and its OpenUrl and Submit actions as buttons.</summary>
    private static IEnumerable<JsonObject> FromAdaptiveCard(JObject card)
    {
        var lines = new List<string>();
        var actions = new List<CardAction>();
        CollectLines(card["body"] as JArray, lines, actions);
        CollectActions(card["actions"] as JArray, actions);
        return TextWithButtons(string.Join('\n', lines), Buttons(actions));
    }

    private static void CollectLines(JArray? elements, List<string> lines, List<CardAction> actions)
    {
        foreach (var element in (elements ?? []).OfType<JObject>())
        {
            if (element.Value<bool?>("isVisible") == false)
            {
                continue;
            }

            switch (element.Value<string>("type"))
            {
                case "TextBlock":
                    AddLine(lines, element.Value<string>("text"));
                    break;
                case "RichTextBlock":
                    AddLine(lines, string.Concat((element["inlines"] as JArray ?? []).Select(i => i is JObject o ? o.Value<string>("text") : i.Value<string>())));
                    break;
                case "FactSet":
                    foreach (var fact in (element["facts"] as JArray ?? []).OfType<JObject>())
                    {
                        var title = fact.Value<string>("title")?.Trim() ?? string.Empty;
                        var value = fact.Value<string>("value") ?? string.Empty;
                        AddLine(lines, title.Length == 0 ? value : title.EndsWith(':') ? $"{title} {value}" : $"{title}: {value}");
                    }

                    break;
                case "ColumnSet":
                    // A table row: the columns' texts on one line, as they stand side by side.
                    var cells = new List<string>();
                    foreach (var column in (element["columns"] as JArray ?? []).OfType<JObject>())
                    {
                        var cell = new List<string>();
                        CollectLines(column["items"] as JArray, cell, actions);
                        if (cell.Count > 0)
                        {
                            cells.Add(string.Join(' ', cell));
                        }
                    }

                    AddLine(lines, string.Join(" · ", cells));
                    break;
                case "Container":
                    CollectLines(element["items"] as JArray, lines, actions);
                    break;
                case "ActionSet":
                    CollectActions(element["actions"] as JArray, actions);
                    break;
                default:
                    // Images and inputs: nothing to read aloud in a chat line.
                    break;
            }
        }
    }

    private static void CollectActions(JArray? cardActions, List<CardAction> actions)
    {
        foreach (var action in (cardActions ?? []).OfType<JObject>())
        {
            var title = action.Value<string>("title");
            switch (action.Value<string>("type"))
            {
                case "Action.OpenUrl":
                    actions.Add(new CardAction(ActionTypes.OpenUrl, title, value: action.Value<string>("url")));
                    break;
                case "Action.Submit":
                    // A postback whose payload is the submit data: the adapter hands it back as the activity's value.
                    actions.Add(new CardAction(ActionTypes.PostBack, title, value: action["data"] is JObject data ? data.ToString(Newtonsoft.Json.Formatting.None) : title));
                    break;
                default:
                    break;
            }
        }
    }

    private static void AddLine(List<string> lines, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            lines.Add(line.Trim());
        }
    }

    private static string? FirstText(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
}
