using System.Text.Json;
using ConversationBot.Notifications.Delivery.Work;

namespace ConversationBot.Bot.Storage;

/// <summary>A work item's snapshot as one JSON document, written as campaigns are (<see cref="CampaignSnapshotJson"/>).</summary>
public static class CampaignWorkItemJson
{
    public static string Write(CampaignWorkItemSnapshot snapshot) => JsonSerializer.Serialize(snapshot, CampaignSnapshotJson.Options);

    public static CampaignWorkItemSnapshot Read(string json) =>
        JsonSerializer.Deserialize<CampaignWorkItemSnapshot>(json, CampaignSnapshotJson.Options) ?? throw new JsonException("A stored work item is null.");
}
