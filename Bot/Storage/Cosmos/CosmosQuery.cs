using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Queries, single-partition unless said otherwise. The partition key is both in the query text (the local test server
/// ignores the option) and in the request options (so the real service routes to one partition and
/// never fans out); queries have no ORDER BY, TOP or aggregates, which would cost a query plan and,
/// across partitions, a fan-out.
/// </summary>
public static class CosmosQuery
{
    /// <summary>
    /// Exactly <paramref name="pageSize"/> results (fewer on the last page), resuming from and returning
    /// the service's own continuation: it resumes after the last document handed out, so documents
    /// added or leaving the filter between pages shift nobody else.
    /// </summary>
    public static async Task<(List<T> Items, string? Continuation)> PageAsync<T>(
        Container container, QueryDefinition query, PartitionKey partitionKey, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        var items = new List<T>(pageSize);

        // The service may answer with fewer than asked (or none, with a continuation); ask again for the rest.
        do
        {
            var options = new QueryRequestOptions { PartitionKey = partitionKey, MaxItemCount = pageSize - items.Count };
            using var iterator = container.GetItemQueryStreamIterator(query, continuation, options);
            using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            items.AddRange(await CosmosJson.ReadFeedAsync<T>(response, cancellationToken).ConfigureAwait(false));
            continuation = response.ContinuationToken;
        }
        while (continuation is not null && items.Count < pageSize);

        return (items, continuation);
    }

    /// <summary>
    /// Every result, page by page; for queries bounded by design (one customer, one topic's handful of
    /// documents). Without <paramref name="partitionKey"/> the query crosses partitions: only for an
    /// occasional look at a container whose documents are each their own partition (the Messenger events).
    /// </summary>
    public static async Task<List<T>> AllAsync<T>(Container container, QueryDefinition query, PartitionKey? partitionKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        var items = new List<T>();
        using var iterator = container.GetItemQueryStreamIterator(query, null, new QueryRequestOptions { PartitionKey = partitionKey, MaxItemCount = 1000 });
        while (iterator.HasMoreResults)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            items.AddRange(await CosmosJson.ReadFeedAsync<T>(response, cancellationToken).ConfigureAwait(false));
        }

        return items;
    }
}
