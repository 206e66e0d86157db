using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>
/// What applying the configured profile would do: the properties to write (each replaced as a whole,
/// all its locales), the ones to delete (on the Page but no longer configured), and the unchanged.
/// Empty when the Page already shows what is configured: a second apply writes nothing.
/// </summary>
public sealed record MessengerProfileDiff(JsonObject ToWrite, IReadOnlyList<string> ToDelete, IReadOnlyList<string> Unchanged)
{
    public bool IsEmpty => ToWrite.Count == 0 && ToDelete.Count == 0;

    public static MessengerProfileDiff Compute(IReadOnlyDictionary<string, JsonNode> configured, IReadOnlyDictionary<string, JsonNode> onPage)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(onPage);
        var write = new JsonObject();
        var unchanged = new List<string>();
        foreach (var (field, value) in configured.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (onPage.TryGetValue(field, out var current) && JsonNode.DeepEquals(current, value))
            {
                unchanged.Add(field);
            }
            else
            {
                write[field] = value.DeepClone();
            }
        }

        var delete = MessengerProfileDocument.Fields.Where(field => onPage.ContainsKey(field) && !configured.ContainsKey(field)).ToList();
        return new MessengerProfileDiff(write, delete, unchanged);
    }
}
