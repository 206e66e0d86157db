using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Storage.Sqlite;

/// <summary>
/// Bot Framework state (conversation and user state) in the SQLite file, with MemoryStorage's
/// semantics: absent keys are left out of a read; an <see cref="IStoreItem"/> written with an ETag
/// other than "*" that is not the stored one fails; every such write gets a new ETag; delete is
/// idempotent; null reads as absent. Unlike MemoryStorage the check and the write are one immediate
/// transaction, so writers in different processes on the same file conflict as they should, and
/// a write of several keys is all or nothing (MemoryStorage keeps the changes before a conflict).
/// Values are stored as plain JSON without type names (never TypeNameHandling: a stored "$type"
/// would let whoever can write the file choose what gets instantiated); reads return JObjects,
/// which BotState converts to the property types it is asked for. Each write stamps the row's
/// <c>written_at</c>, by which <see cref="SqliteRetentionCleanup"/> removes idle conversations.
/// </summary>
public sealed class SqliteStorage(SqliteDatabase database, TimeProvider clock) : IStorage
{
    public static readonly ISqliteMigration Schema = new SqliteMigration(
        1,
        "bot state",
        "CREATE TABLE bot_state (key TEXT PRIMARY KEY NOT NULL, etag TEXT, json TEXT NOT NULL) WITHOUT ROWID");

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Include,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = null,
    });

    private long _etagSequence = Environment.TickCount64;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ThrowIfAnyNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return items;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            names[i] = "$k" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(names[i], keys[i]);
        }

        command.CommandText = $"SELECT key, json FROM bot_state WHERE key IN ({string.Join(", ", names)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            using var json = new JsonTextReader(new StringReader(reader.GetString(1))) { DateParseHandling = DateParseHandling.None, MaxDepth = null };
            items[reader.GetString(0)] = JToken.ReadFrom(json);
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialized before taking the process's one writer, which other turns are waiting for:
        // only the SQL runs while it is held.
        var rows = changes.Select(change => ToRow(change.Key, change.Value, nameof(changes))).ToList();
        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            if (row.Json is null)
            {
                // MemoryStorage keeps a null and reads it as absent; removing the row says the same.
                await using var remove = write.CreateCommand("DELETE FROM bot_state WHERE key = $key");
                remove.Parameters.AddWithValue("$key", row.Key);
                await remove.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (row.Item is { } item)
            {
                var stored = await ReadEtagAsync(write, row.Key, cancellationToken).ConfigureAwait(false);
                if (stored is not null && item.ETag != "*" && item.ETag != stored)
                {
                    throw new EtagConflictException(row.Key, item.ETag, stored);
                }
            }

            await using var upsert = write.CreateCommand("""
                INSERT INTO bot_state (key, etag, json, written_at) VALUES ($key, $etag, $json, $now)
                ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, json = excluded.json, written_at = excluded.written_at
                """);
            upsert.Parameters.AddWithValue("$key", row.Key);
            upsert.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
            upsert.Parameters.AddWithValue("$etag", (object?)row.NewEtag ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$json", row.Json);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ThrowIfAnyNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            await using var delete = write.CreateCommand("DELETE FROM bot_state WHERE key = $key");
            delete.Parameters.AddWithValue("$key", key);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void ThrowIfAnyNull(string[] keys)
    {
        if (keys.Any(key => key is null))
        {
            throw new ArgumentNullException(nameof(keys), "A storage key is null.");
        }
    }

    /// <summary>A value as its row: JSON text (null: delete) and, for a store item, the ETag it must match and the one it gets.</summary>
    private Row ToRow(string key, object? value, string parameterName)
    {
        if (value is null)
        {
            return new Row(key, null, null, null);
        }

        // A JObject that is not a store item is written as it is; everything else is converted
        // (a copy, so the ETag below never lands in the caller's object).
        var json = value is JObject given && value is not IStoreItem ? given : JToken.FromObject(value, Serializer);
        if (json is not JObject state)
        {
            throw new ArgumentException($"The value for '{key}' is not an object; state is stored as JSON objects.", parameterName);
        }

        if (value is not IStoreItem item)
        {
            return new Row(key, state.ToString(Formatting.None), null, null);
        }

        var newEtag = Interlocked.Increment(ref _etagSequence).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        state["eTag"] = newEtag;
        return new Row(key, state.ToString(Formatting.None), item, newEtag);
    }

    /// <returns>The stored ETag, or null when the key is absent or was stored without one.</returns>
    private static async Task<string?> ReadEtagAsync(SqliteWrite write, string key, CancellationToken cancellationToken)
    {
        await using var command = write.CreateCommand("SELECT etag FROM bot_state WHERE key = $key");
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private sealed record Row(string Key, string? Json, IStoreItem? Item, string? NewEtag);
}
