using ConversationBot.Notifications.OptIns;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>The Messenger page's restrictions: one document per page in <c>pages</c>; each setter changes its own field under an ETag check, so neither overwrites the other.</summary>
public sealed class CosmosPageStatusStore(CosmosDatabase cosmos) : IPageStatusStore
{
    public async Task<PageStatus> GetAsync(string pageId, CancellationToken cancellationToken)
    {
        var id = IdFor(pageId);
        using var read = await cosmos.Pages.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return PageStatus.Unrestricted;
        }

        var stored = await CosmosJson.ReadAsync<PageDocument>(read, cancellationToken).ConfigureAwait(false);
        return new PageStatus(stored.OptInsBarredUntil, stored.SendsPausedUntil);
    }

    /// <remarks>The latest call wins, earlier or later: the newest classified error is the one in force.</remarks>
    public Task BarOptInsUntilAsync(string pageId, DateTimeOffset until, CancellationToken cancellationToken) =>
        UpdateAsync(pageId, d => d with { OptInsBarredUntil = until }, cancellationToken);

    public Task PauseSendsUntilAsync(string pageId, DateTimeOffset until, CancellationToken cancellationToken) =>
        UpdateAsync(pageId, d => d with { SendsPausedUntil = until }, cancellationToken);

    private async Task UpdateAsync(string pageId, Func<PageDocument, PageDocument> change, CancellationToken cancellationToken)
    {
        var id = IdFor(pageId);
        await CosmosDocumentUpdate.UpdateAsync<PageDocument>(
            cosmos.Pages, id, new PartitionKey(id), stored => change(stored ?? new PageDocument(id, pageId, null, null)), cancellationToken).ConfigureAwait(false);
    }

    private static string IdFor(string pageId)
    {
        ArgumentNullException.ThrowIfNull(pageId);
        return CosmosIds.Compose("page", pageId);
    }

    private sealed record PageDocument(string Id, string PageId, DateTimeOffset? OptInsBarredUntil, DateTimeOffset? SendsPausedUntil);
}
