using System.Net;
using ConversationBot.Dialogs.Handoff;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Open hand-offs in <c>customers</c>: one document per conversation (the bot's per-turn check is one
/// point read) and one list of the open ones for the admin API, which would otherwise need a
/// cross-partition query. The list is written before the hand-off and cleaned after its release,
/// so a crash leaves an entry too many (skipped by the reader), never an open hand-off no operator sees.
/// </summary>
public sealed class CosmosHandoffStore(CosmosDatabase cosmos) : IHandoffStore
{
    private static readonly string OpenListId = CosmosIds.Compose("handoffs", "open");

    private Container Customers => cosmos.Customers;

    public async Task<Handoff?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var id = IdFor(channelId, conversationId);
        using var read = await Customers.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return read.StatusCode == HttpStatusCode.NotFound ? null : (await CosmosJson.ReadAsync<HandoffDocument>(read, cancellationToken).ConfigureAwait(false)).Handoff;
    }

    public async Task SaveAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var id = IdFor(handoff.ChannelId, handoff.ConversationId);
        await UpdateOpenListAsync(list => list.Contains(id) ? null : [.. list, id], cancellationToken).ConfigureAwait(false);
        using var body = CosmosJson.Write(new HandoffDocument(id, handoff));
        using var upsert = await Customers.UpsertItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
    }

    public async Task<bool> TryReplaceAsync(Handoff changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var id = IdFor(changed.ChannelId, changed.ConversationId);
        string etag;
        using (var read = await Customers.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (read.StatusCode == HttpStatusCode.NotFound
                || (await CosmosJson.ReadAsync<HandoffDocument>(read, cancellationToken).ConfigureAwait(false)).Handoff.Version != changed.Version - 1)
            {
                return false;
            }

            etag = read.Headers.ETag;
        }

        // Written over the ETag just read: a claim by another agent in between makes this one 412.
        using var body = CosmosJson.Write(new HandoffDocument(id, changed));
        using var replace = await Customers.ReplaceItemStreamAsync(body, id, new PartitionKey(id), new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken).ConfigureAwait(false);
        if (replace.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }

        replace.EnsureSuccessStatusCode();
        return true;
    }

    public async Task<bool> ReleaseAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var id = IdFor(channelId, conversationId);
        bool released;
        using (var delete = await Customers.DeleteItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            released = delete.StatusCode != HttpStatusCode.NotFound;
            if (released)
            {
                delete.EnsureSuccessStatusCode();
            }
        }

        await UpdateOpenListAsync(list => list.Contains(id) ? [.. list.Where(open => open != id)] : null, cancellationToken).ConfigureAwait(false);
        return released;
    }

    public async Task<IReadOnlyList<Handoff>> ListAsync(CancellationToken cancellationToken)
    {
        using var read = await Customers.ReadItemStreamAsync(OpenListId, new PartitionKey(OpenListId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var list = await CosmosJson.ReadAsync<OpenListDocument>(read, cancellationToken).ConfigureAwait(false);
        var found = await Task.WhenAll(list.Ids.Select(async id =>
        {
            using var item = await Customers.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            return item.StatusCode == HttpStatusCode.NotFound ? null : (await CosmosJson.ReadAsync<HandoffDocument>(item, cancellationToken).ConfigureAwait(false)).Handoff;
        })).ConfigureAwait(false);
        return [.. found.OfType<Handoff>().OrderBy(h => h.RequestedAt)];
    }

    private Task UpdateOpenListAsync(Func<List<string>, List<string>?> change, CancellationToken cancellationToken) =>
        CosmosDocumentUpdate.UpdateAsync<OpenListDocument>(
            Customers,
            OpenListId,
            new PartitionKey(OpenListId),
            stored => change(stored?.Ids ?? []) is { } ids ? new OpenListDocument(OpenListId, ids) : null,
            cancellationToken);

    private static string IdFor(string channelId, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        return CosmosIds.Compose("handoff", channelId, conversationId);
    }

    private sealed record HandoffDocument(string Id, Handoff Handoff);

    private sealed record OpenListDocument(string Id, List<string> Ids);
}
