using System.Text.Json;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Storage;

/// <summary>A subscription's send claims (<see cref="Subscription.SendClaims"/>) as the SQLite column stores them.</summary>
public static class SendClaimsJson
{
    public static string Write(IReadOnlyList<SendClaim> claims) => JsonSerializer.Serialize(claims, CampaignSnapshotJson.Options);

    public static IReadOnlyList<SendClaim> Read(string json) =>
        JsonSerializer.Deserialize<List<SendClaim>>(json, CampaignSnapshotJson.Options) ?? [];
}
