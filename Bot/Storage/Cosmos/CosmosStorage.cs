using System.Net;
using ConversationBot.Bot.Storage.Sqlite;
using Microsoft.Azure.Cosmos;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Bot Framework state in the <c>state</c> container, one document per key (partitioned by id, so
/// every read and write is a point operation), with MemoryStorage's semantics: absent keys are left
/// out of a read; a store item's ETag is the document's Cosmos ETag and a write presenting another
/// one fails (an ETag-conditioned replace, atomic on the service, so instances conflict correctly);
/// "*" overwrites; delete is idempotent. Keys become ids through <see cref="CosmosIds.ForKey"/>; the
/// document keeps the key and a read checks it. Values are plain JSON (never type names: a stored
/// "$type" would let whoever can write the database choose what gets instantiated), through
/// Newtonsoft.Json because that is what BotState's JObjects are. A write of several keys is not
/// atomic (keys live in different partitions); like MemoryStorage, changes before a conflict stay.
/// Every write sets the document's <c>ttl</c> to <c>Storage:ConversationStateIdleTime</c> (the
/// container's time to live is on without a default, CosmosContainers.State), so a conversation
/// nobody touched for that long is removed by the service and the next message starts afresh.
/// </summary>
public sealed class CosmosStorage(CosmosDatabase cosmos, IOptions<StorageOptions> storage) : IStorage
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Include,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = null,
    });

    private Container State => cosmos.State;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ThrowIfAnyNull(keys);
        var found = await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(key => ReadOneAsync(key, cancellationToken))).ConfigureAwait(false);
        var items = new Dictionary<string, object>(keys.Length);
        foreach (var (key, value) in found)
        {
            if (value is not null)
            {
                items[key] = value;
            }
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(changes));
            if (value is null)
            {
                // MemoryStorage keeps a null and reads it as absent; no document says the same.
                await DeleteOneAsync(key, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (JToken.FromObject(value, Serializer) is not JObject state)
            {
                throw new ArgumentException($"The value for '{key}' is not an object; state is stored as JSON objects.", nameof(changes));
            }

            await WriteOneAsync(key, state, value as IStoreItem, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ThrowIfAnyNull(keys);
        await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(key => DeleteOneAsync(key, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<(string Key, JObject? Value)> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(key);
        using var response = await State.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (key, null);
        }

        response.EnsureSuccessStatusCode();
        using var text = new StreamReader(response.Content);
        using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = null };
        var document = await JObject.LoadAsync(json, cancellationToken).ConfigureAwait(false);
        if (document.Value<string>("key") != key || document["document"] is not JObject value)
        {
            return (key, null);
        }

        if (document.Value<bool>("storeItem"))
        {
            value["eTag"] = response.Headers.ETag;
        }

        return (key, value);
    }

    private async Task WriteOneAsync(string key, JObject state, IStoreItem? item, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(key);
        var partitionKey = new PartitionKey(id);

        // The ETag lives in the document's metadata, not its content: a stored copy would only go stale.
        state.Remove("eTag");
        var document = new JObject
        {
            ["id"] = id,
            ["key"] = key,
            ["storeItem"] = item is not null,
            ["document"] = state,
            ["ttl"] = CosmosContainers.Seconds(storage.Value.ConversationStateIdleTime),
        };

        if (item is null || item.ETag == "*")
        {
            using var upsert = await State.UpsertItemStreamAsync(Body(document), partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            upsert.EnsureSuccessStatusCode();
            return;
        }

        if (!string.IsNullOrEmpty(item.ETag))
        {
            using var replace = await State.ReplaceItemStreamAsync(Body(document), id, partitionKey, new ItemRequestOptions { IfMatchEtag = item.ETag }, cancellationToken).ConfigureAwait(false);
            if (replace.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                throw new EtagConflictException(key, item.ETag, null);
            }

            if (replace.StatusCode != HttpStatusCode.NotFound)
            {
                replace.EnsureSuccessStatusCode();
                return;
            }
        }

        // No ETag (or one for a key that is gone): only a first write may succeed, as in MemoryStorage.
        using var create = await State.CreateItemStreamAsync(Body(document), partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (create.StatusCode == HttpStatusCode.Conflict)
        {
            throw new EtagConflictException(key, item.ETag, null);
        }

        create.EnsureSuccessStatusCode();
    }

    private async Task DeleteOneAsync(string key, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(key);
        using var response = await State.DeleteItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    private static MemoryStream Body(JObject document)
    {
        var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, leaveOpen: true))
        using (var json = new JsonTextWriter(writer))
        {
            document.WriteTo(json);
        }

        stream.Position = 0;
        return stream;
    }

    private static void ThrowIfAnyNull(string[] keys)
    {
        if (keys.Any(key => key is null))
        {
            throw new ArgumentNullException(nameof(keys), "A storage key is null.");
        }
    }
}
