using System.Net;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Read, change, write back only if nobody wrote in between (create if absent, else replace on the
/// ETag read), and start over when someone did. This is how the small per-customer and per-page
/// documents take concurrent changes without losing one.
/// </summary>
public static class CosmosDocumentUpdate
{
    /// <summary>Far more than two turns of one customer ever collide; reaching it means something is wrong, not busy.</summary>
    private const int MaxAttempts = 20;

    /// <param name="change">Given the stored document (null: absent), the one to store, or null to leave it as it is.</param>
    /// <param name="likelyAbsent">Try a create first, saving the read where the document is usually new.</param>
    /// <param name="known">A version already read: the first write goes on it without a read (a create when it was
    /// absent, else a replace on its ETag); if that version is no longer the stored one, the update reads as usual.</param>
    /// <returns>The document stored, or null when <paramref name="change"/> left it.</returns>
    public static async Task<T?> UpdateAsync<T>(
        Container container,
        string id,
        PartitionKey partitionKey,
        Func<T?, T?> change,
        CancellationToken cancellationToken,
        bool likelyAbsent = false,
        CosmosVersion<T>? known = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(change);
        var first = known ?? (likelyAbsent ? CosmosVersion<T>.Absent : null);
        if (first is { } version && change(version.Document) is { } guess
            && await TryWriteAsync(container, id, partitionKey, guess, version.ETag, cancellationToken).ConfigureAwait(false))
        {
            return guess;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            T? current = null;
            string? etag = null;
            using (var read = await container.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (read.StatusCode != HttpStatusCode.NotFound)
                {
                    current = await CosmosJson.ReadAsync<T>(read, cancellationToken).ConfigureAwait(false);
                    etag = read.Headers.ETag;
                }
            }

            var next = change(current);
            if (next is null)
            {
                return null;
            }

            if (await TryWriteAsync(container, id, partitionKey, next, etag, cancellationToken).ConfigureAwait(false))
            {
                return next;
            }
        }

        throw new InvalidOperationException($"Cosmos DB document '{id}' in '{container.Id}' kept changing under {MaxAttempts} attempts to update it.");
    }

    /// <summary>
    /// Creates the document (no <paramref name="etag"/>: it was absent) or replaces it on its ETag; false when the
    /// version written on is no longer the stored one: created meanwhile (409), changed (412) or deleted (404).
    /// </summary>
    private static async Task<bool> TryWriteAsync<T>(Container container, string id, PartitionKey partitionKey, T next, string? etag, CancellationToken cancellationToken)
    {
        using var body = CosmosJson.Write(next);
        using var write = etag is null
            ? await container.CreateItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await container.ReplaceItemStreamAsync(body, id, partitionKey, new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken).ConfigureAwait(false);
        if (write.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }

        write.EnsureSuccessStatusCode();
        return true;
    }
}
