using System.Text.Json;
using System.Text.Json.Serialization;
using ConversationBot.Notifications.Campaigns;

namespace ConversationBot.Bot.Storage;

/// <summary>
/// How a back end stores a campaign's snapshot as one JSON document: camelCase, enums by name (so
/// reordering an enum cannot change what a stored campaign means), instants with their offset.
/// </summary>
public static class CampaignSnapshotJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(CampaignSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static CampaignSnapshot Read(string json) =>
        JsonSerializer.Deserialize<CampaignSnapshot>(json, Options) ?? throw new JsonException("A stored campaign is null.");
}
