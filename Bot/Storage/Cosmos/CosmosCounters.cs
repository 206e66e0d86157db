using System.Globalization;
using System.Net;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// A document of counters in its own partition, added to by one patch of increments: atomic on the service,
/// so busy writers never retry each other, and a fixed size whatever the traffic. The first count creates the
/// document (the patch found nothing); when another writer created it in between (409), the patch goes onto theirs.
/// Used by the funnel's days (CosmosFunnelStore.cs) and the topics' days (CosmosTopicActivityStore.cs), whose
/// documents carry their <c>kind</c> and UTC <c>day</c> (<see cref="Day"/>).
/// </summary>
public static class CosmosCounters
{
    /// <summary>A UTC day as the documents keep it; sorts as text in day order.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Every counter document of <paramref name="kind"/> from <paramref name="firstDay"/> to <paramref name="lastDay"/>:
    /// a query with a scan, as the operator reads these now and then and an index would cost on every count
    /// (Bot/Storage/Cosmos/CosmosContainers.cs keeps <c>pages</c> unindexed; docs/cost.md).
    /// </summary>
    public static async Task<List<TDocument>> ReadDaysAsync<TDocument>(Container container, string kind, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind AND c.day >= @from AND c.day <= @to")
            .WithParameter("@kind", kind)
            .WithParameter("@from", Day(firstDay))
            .WithParameter("@to", Day(lastDay));
        var documents = new List<TDocument>();
        using var iterator = container.GetItemQueryStreamIterator(query, null, new QueryRequestOptions { EnableScanInQuery = true, MaxItemCount = 1000 });
        while (iterator.HasMoreResults)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            documents.AddRange(await CosmosJson.ReadFeedAsync<TDocument>(response, cancellationToken).ConfigureAwait(false));
        }

        return documents;
    }

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
