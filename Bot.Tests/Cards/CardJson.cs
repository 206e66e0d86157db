using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Tests.Cards;

/// <summary>Reads a card the way a customer would: all the text it shows, in order.</summary>
public static class CardJson
{
    private static readonly string[] TextProperties = ["text", "title", "value"];

    public static IEnumerable<string> Texts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (TextProperties.Contains(key) && value is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        yield return s;
                    }
                    else
                    {
                        foreach (var inner in Texts(value))
                        {
                            yield return inner;
                        }
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Texts(item))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }

    public static IEnumerable<JsonObject> Elements(JsonNode? node, string type)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((string?)obj["type"] == type)
                {
                    yield return obj;
                }
                foreach (var (_, value) in obj)
                {
                    foreach (var inner in Elements(value, type))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Elements(item, type))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }
}
