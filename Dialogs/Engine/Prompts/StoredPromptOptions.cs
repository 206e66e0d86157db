using System.Collections.Concurrent;
using System.Text.Json;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>
/// Prompt options as stored in a prompt's frame, read back. Every answer to a prompt reads them,
/// and most prompts store the same few texts (the menu in each language), so what was read is kept
/// by its JSON: the options are immutable and shared.
/// </summary>
public static class StoredPromptOptions
{
    /// <summary>Enough for every fixed prompt in every language; prompts that quote the customer come and go.</summary>
    private const int Capacity = 256;

    private static readonly ConcurrentDictionary<string, PromptOptions> ByJson = new(StringComparer.Ordinal);

    public static PromptOptions Read(string json)
    {
        if (ByJson.TryGetValue(json, out var known))
        {
            return known;
        }

        var options = JsonSerializer.Deserialize<PromptOptions>(json)
            ?? throw new InvalidOperationException("The prompt's stored options are empty.");
        if (ByJson.Count >= Capacity)
        {
            // Simpler than least-recently-used and as good here: the fixed prompts come back at once.
            ByJson.Clear();
        }

        ByJson.TryAdd(json, options);
        return options;
    }
}
