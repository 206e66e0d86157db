using System.Text.Json;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Storage;

/// <summary>A subscription's consent history as SQLite stores it: a JSON array in the campaigns' conventions (<see cref="CampaignSnapshotJson.Options"/>).</summary>
public static class ConsentHistoryJson
{
    public static string Write(IReadOnlyList<ConsentHistoryEntry> history) => JsonSerializer.Serialize(history, CampaignSnapshotJson.Options);

    public static IReadOnlyList<ConsentHistoryEntry> Read(string json) =>
        JsonSerializer.Deserialize<List<ConsentHistoryEntry>>(json, CampaignSnapshotJson.Options) ?? [];
}
