using System.Net;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// A document of counters in its own partition, added to by one patch of increments: atomic on the service,
/// so busy writers never retry each other, and a fixed size whatever the traffic. The first count creates the
/// document (the patch found nothing); when another writer created it in between (409), the patch goes onto theirs.
/// Used by the funnel's days (CosmosFunnelStore.cs) and the topics' days (CosmosTopicActivityStore.cs).
/// </summary>
public static class CosmosCounters
{
    public static async Task AddAsync<TDocument>(Container container, string id, IReadOnlyList<PatchOperation> increments, Func<TDocument> first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(first);
        var partitionKey = new PartitionKey(id);
        while (true)
        {
            using (var patch = await container.PatchItemStreamAsync(id, partitionKey, increments, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (patch.StatusCode != HttpStatusCode.NotFound)
                {
                    patch.EnsureSuccessStatusCode();
                    return;
                }
            }

            using var body = CosmosJson.Write(first());
            using var create = await container.CreateItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (create.StatusCode != HttpStatusCode.Conflict)
            {
                create.EnsureSuccessStatusCode();
                return;
            }
        }
    }
}
