using System.Text.Json;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// A short list kept in one TEXT column as JSON, read and written with its row: a subscription's consent
/// history and its campaigns' send claims (<c>SqliteSubscriptionStore</c>). An empty list is stored as NULL.
/// </summary>
public static class SqliteJsonList
{
    public static object Write<T>(IReadOnlyList<T>? items) =>
        items is { Count: > 0 } ? JsonSerializer.Serialize(items, CampaignSnapshotJson.Options) : DBNull.Value;

    public static IReadOnlyList<T> Read<T>(string json) =>
        JsonSerializer.Deserialize<List<T>>(json, CampaignSnapshotJson.Options) ?? [];
}
