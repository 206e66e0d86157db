using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>
/// The four Page profile properties the bot manages, as Meta's JSON in one normal form, whether they
/// come from configuration or from Meta's GETs: locales in order, object members in order,
/// <c>composer_input_disabled: false</c> (Meta's default) left out. Two normal forms are equal exactly
/// when applying would change nothing. Ice breakers another tool set in the old flat format keep that
/// shape (and so always differ): they are replaced by the localized format Meta asks for.
/// </summary>
public static class MessengerProfileDocument
{
    public const string GetStarted = "get_started";
    public const string Greeting = "greeting";
    public const string IceBreakers = "ice_breakers";
    public const string PersistentMenu = "persistent_menu";

    /// <summary>The managed properties, in the order they are deleted: a menu before the Get Started button it needs.</summary>
    public static IReadOnlyList<string> Fields { get; } = [PersistentMenu, IceBreakers, Greeting, GetStarted];

    public static SortedDictionary<string, JsonNode> FromOptions(MessengerProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var properties = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        if (options.GetStarted is { } payload)
        {
            properties[GetStarted] = new JsonObject { ["payload"] = payload };
        }

        if (options.Greeting.Count > 0)
        {
            properties[Greeting] = Localized(options.Greeting.Select(g => new JsonObject { ["locale"] = g.Key, ["text"] = g.Value }));
        }

        if (options.IceBreakers.Count > 0)
        {
            properties[IceBreakers] = Localized(options.IceBreakers.Select(locale => new JsonObject
            {
                ["call_to_actions"] = new JsonArray([.. locale.Value.Select(q => (JsonNode)new JsonObject { ["payload"] = q.Payload, ["question"] = q.Question })]),
                ["locale"] = locale.Key,
            }));
        }

        if (options.PersistentMenu.Count > 0)
        {
            properties[PersistentMenu] = Localized(options.PersistentMenu.Select(locale => new JsonObject
            {
                ["call_to_actions"] = new JsonArray([.. locale.Value.Select(MenuItem)]),
                ["locale"] = locale.Key,
            }));
        }

        return properties;
    }

    /// <summary>What Meta's two GETs returned (<c>fields=get_started,greeting,persistent_menu</c>, then <c>fields=ice_breakers</c>).</summary>
    public static SortedDictionary<string, JsonNode> FromGraph(JsonNode? profile, JsonNode? iceBreakers)
    {
        var properties = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        if (profile?["data"] is JsonArray { Count: > 0 } data && data[0] is JsonObject current)
        {
            foreach (var field in new[] { GetStarted, Greeting, PersistentMenu })
            {
                if (current[field] is { } value)
                {
                    properties[field] = Normal(value.DeepClone());
                }
            }
        }

        if (iceBreakers?["data"] is JsonArray { Count: > 0 } breakers)
        {
            properties[IceBreakers] = breakers[0] is JsonObject first && first["ice_breakers"] is { } oldFormat
                ? new JsonObject { ["old_format"] = oldFormat.DeepClone() }
                : Normal(breakers.DeepClone());
        }

        return properties;
    }

    /// <summary>Ordered members and locales, defaults left out: what two equal profiles have in common.</summary>
    public static JsonNode Normal(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(member => !(member.Key == "composer_input_disabled" && member.Value is JsonValue v && v.TryGetValue<bool>(out var disabled) && !disabled))
            .OrderBy(member => member.Key, StringComparer.Ordinal)
            .Select(member => KeyValuePair.Create(member.Key, member.Value is null ? null : Normal(member.Value.DeepClone())))),
        JsonArray array when array.All(item => item is JsonObject o && o["locale"] is not null) =>
            new JsonArray([.. array.OrderBy(item => item!["locale"]!.ToString(), StringComparer.Ordinal).Select(item => Normal(item!.DeepClone()))]),
        JsonArray array => new JsonArray([.. array.Select(item => item is null ? null : Normal(item.DeepClone()))]),
        _ => node.DeepClone(),
    };

    private static JsonNode Localized(IEnumerable<JsonObject> perLocale) => Normal(new JsonArray([.. perLocale]));

    private static JsonNode MenuItem(ProfileMenuItem item) => item.Url is { } url
        ? new JsonObject { ["title"] = item.Title, ["type"] = "web_url", ["url"] = url.AbsoluteUri }
        : new JsonObject { ["payload"] = item.Payload, ["title"] = item.Title, ["type"] = "postback" };
}
