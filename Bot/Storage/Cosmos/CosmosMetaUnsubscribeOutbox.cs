using System.Net;
using System.Text.Json.Serialization;
using ConversationBot.Notifications.Products.Unsubscribes;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// The unsubscribes Meta has not yet taken, in <c>events</c> beside the Messenger events (each document its own
/// partition, listed by the indexed <c>state</c>): a pending one carries <c>ttl: -1</c>, so the container's seven
/// days never expire it before Meta took it; a done one keeps its id (and not the identifier) for the container's
/// retention, so the same stop saved again within it is not sent again. The pending ones are listed with one
/// query across partitions, as the event log lists what a stopped host left; they are few.
/// </summary>
public sealed class CosmosMetaUnsubscribeOutbox(CosmosDatabase cosmos) : IMetaUnsubscribeOutbox
{
    private const string Pending = "unsubscribe-pending";
    private const string Done = "unsubscribe-done";

    public async Task<bool> AddAsync(MetaUnsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        var document = Document.Of(unsubscribe);
        using var body = CosmosJson.Write(document);
        using var create = await cosmos.Events.CreateItemStreamAsync(body, new PartitionKey(document.Id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (create.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        create.EnsureSuccessStatusCode();
        return true;
    }

    public async Task<IReadOnlyList<MetaUnsubscribe>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.state = @state").WithParameter("@state", Pending);
        var pending = await CosmosQuery.AllAsync<Document>(cosmos.Events, query, null, cancellationToken).ConfigureAwait(false);
        return [.. pending.Select(d => d.Unsubscribe).Where(u => u.IsDueAt(now)).OrderBy(u => u.NextAttemptAt).Take(max)];
    }

    public async Task SaveAsync(MetaUnsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        var document = Document.Of(unsubscribe);
        using var body = CosmosJson.Write(document);
        using var upsert = await cosmos.Events.UpsertItemStreamAsync(body, new PartitionKey(document.Id), cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
    }

    public async Task<MetaUnsubscribe?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var documentId = IdOf(id);
        using var read = await cosmos.Events.ReadItemStreamAsync(documentId, new PartitionKey(documentId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var document = await CosmosJson.ReadAsync<Document>(read, cancellationToken).ConfigureAwait(false);
        return document.Unsubscribe.Id == id ? document.Unsubscribe : null;
    }

    private static string IdOf(string id) => CosmosIds.Compose("unsubscribe", id);

    private sealed record Document(
        string Id,
        string State,
        MetaUnsubscribe Unsubscribe,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Ttl)
    {
        public static Document Of(MetaUnsubscribe unsubscribe) =>
            new(IdOf(unsubscribe.Id), unsubscribe.IsDone ? Done : Pending, unsubscribe, unsubscribe.IsDone ? null : -1);
    }
}
