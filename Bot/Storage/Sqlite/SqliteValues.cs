using Microsoft.Data.Sqlite;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// How the notification stores write and read column values: instants as unix milliseconds (UTC),
/// so they compare and index as integers and mean the same in every time zone; absent values as NULL.
/// Sub-millisecond precision and the original offset are not kept: instants compare equal after a round trip.
/// </summary>
internal static class SqliteValues
{
    public static object Time(DateTimeOffset? value) => value is { } at ? at.ToUnixTimeMilliseconds() : DBNull.Value;

    public static object Text(string? value) => (object?)value ?? DBNull.Value;

    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetTime(ordinal);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
