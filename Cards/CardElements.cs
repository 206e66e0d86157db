using System.Text.Json.Nodes;

namespace ConversationBot.Cards;

/// <summary>
/// The few element shapes the cards repeat, so every card spells them the same way.
/// Property values are the schema's own words ("Large", "Bolder", "stretch").
/// </summary>
internal static class CardElements
{
    public static JsonObject TextBlock(
        string text,
        string? size = null,
        string? weight = null,
        string? color = null,
        bool subtle = false,
        string? spacing = null,
        string? align = null,
        bool separator = false)
    {
        // Wrap always: a label cut off with "..." in a narrow chat bubble is worse than two lines.
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        SetIfGiven(block, "size", size);
        SetIfGiven(block, "weight", weight);
        SetIfGiven(block, "color", color);
        if (subtle)
        {
            block["isSubtle"] = true;
        }
        SetIfGiven(block, "spacing", spacing);
        SetIfGiven(block, "horizontalAlignment", align);
        if (separator)
        {
            block["separator"] = true;
        }
        return block;
    }

    public static JsonObject FactSet(IEnumerable<(string Title, string Value)> facts, string? spacing = null)
    {
        var list = new JsonArray();
        foreach (var (title, value) in facts)
        {
            list.Add(new JsonObject { ["title"] = title, ["value"] = value });
        }
        var factSet = new JsonObject { ["type"] = "FactSet", ["facts"] = list };
        SetIfGiven(factSet, "spacing", spacing);
        return factSet;
    }

    public static JsonObject ColumnSet(IEnumerable<JsonObject> columns, string? spacing = null, bool separator = false)
    {
        var columnSet = new JsonObject { ["type"] = "ColumnSet", ["columns"] = new JsonArray([.. columns]) };
        SetIfGiven(columnSet, "spacing", spacing);
        if (separator)
        {
            columnSet["separator"] = true;
        }
        return columnSet;
    }

    /// <param name="width">"auto", "stretch", a weight such as "2", or pixels such as "60px".</param>
    public static JsonObject Column(string width, params JsonObject[] items) => new()
    {
        ["type"] = "Column",
        ["width"] = width,
        ["items"] = new JsonArray([.. items]),
    };

    public static JsonObject Container(IEnumerable<JsonObject> items, string? style = null, string? spacing = null, bool separator = false)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. items]) };
        SetIfGiven(container, "style", style);
        SetIfGiven(container, "spacing", spacing);
        if (separator)
        {
            container["separator"] = true;
        }
        return container;
    }

    /// <param name="altText">What a screen reader says, and what shows when the image does not load.</param>
    public static JsonObject Image(Uri url, string altText, string? size = null)
    {
        RequireWebUrl(url, "card image");
        var image = new JsonObject { ["type"] = "Image", ["url"] = url.AbsoluteUri, ["altText"] = altText };
        SetIfGiven(image, "size", size);
        return image;
    }

    /// <summary>
    /// A button that sends <paramref name="data"/> back to the bot as the activity's value. The
    /// dialogs read the fields named in OptInSubmission and NotificationsSubmission, so a card
    /// passes only those.
    /// </summary>
    public static JsonObject Submit(string title, JsonObject data) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };

    /// <summary>Buttons inside the body, for an action that belongs to one block rather than the whole card.</summary>
    public static JsonObject ActionSet(params JsonObject[] actions) =>
        new() { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. actions]) };

    public static JsonObject OpenUrl(string title, Uri url)
    {
        RequireWebUrl(url, "card link");
        return new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url.AbsoluteUri };
    }

    private static void RequireWebUrl(Uri url, string what)
    {
        // The channel opens or loads what it is given; a relative or javascript: URL would be a bug upstream.
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"A {what} must be an absolute http(s) URL, not '{url}'.", nameof(url));
        }
    }

    private static void SetIfGiven(JsonObject element, string property, string? value)
    {
        if (value is not null)
        {
            element[property] = value;
        }
    }
}
