using System.Net;
using ConversationBot.Bot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bench.Cost;

/// <summary>
/// The stock Bot Framework pattern for state on Cosmos DB, what Microsoft.Bot.Builder.Azure's
/// <c>CosmosDbPartitionedStorage</c> does (the package is not on the package source here, so the
/// pattern is written out): one container partitioned by <c>/id</c> with indexing off, a point read
/// per state key per turn (an absent key is a 404), and an upsert per changed key, conditioned on the
/// ETag read when there is one. Its document is <c>{ id, realId, document }</c>. Only the bench uses it:
/// the same turns run through it and through <see cref="CosmosStorage"/>.
/// </summary>
internal sealed class StockPartitionedStorage(Container container) : IStorage
{
    public const string ContainerName = "bot-state-stock";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { MaxDepth = null, DateParseHandling = DateParseHandling.None });

    /// <summary>As the package creates its container (partition key /id), with indexing off: state is only ever read by id.</summary>
    public static async Task CreateContainerAsync(Database database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var properties = new ContainerProperties(ContainerName, "/id")
        {
            IndexingPolicy = new IndexingPolicy { IndexingMode = IndexingMode.None, Automatic = false },
        };
        await database.CreateContainerIfNotExistsAsync(properties, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys)
        {
            var id = CosmosIds.ForKey(key);
            using var response = await container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }

            response.EnsureSuccessStatusCode();
            using var text = new StreamReader(response.Content);
            using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = null };
            var document = await JObject.LoadAsync(json, cancellationToken).ConfigureAwait(false);
            if (document["document"] is JObject value)
            {
                value["eTag"] = document.Value<string>("_etag");
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
            var state = JObject.FromObject(value, Serializer);
            var etag = state.Value<string>("eTag");
            state.Remove("eTag");
            var id = CosmosIds.ForKey(key);
            var document = new JObject { ["id"] = id, ["realId"] = key, ["document"] = state };
            var options = etag is null or "*" ? null : new ItemRequestOptions { IfMatchEtag = etag };
            using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToString(Formatting.None)));
            using var response = await container.UpsertItemStreamAsync(body, new PartitionKey(id), options, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                throw new InvalidOperationException($"Etag conflict for '{key}'.");
            }

            response.EnsureSuccessStatusCode();
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            var id = CosmosIds.ForKey(key);
            using var response = await container.DeleteItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                response.EnsureSuccessStatusCode();
            }
        }
    }
}
