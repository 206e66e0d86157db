using System.Net;
using ConversationBot.Bot.Messenger;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Processed Messenger events in <c>events</c>. A claim is a create, so of two requests running the
/// same event only one gets it (409 for the other). A claim left "processing" by a process that
/// stopped mid-turn is taken over after <see cref="AbandonedAfter"/> with an ETag-checked replace, so
/// again only one taker wins. The container's time to live (seven days, far longer than Meta retries)
/// removes old events; nothing here prunes.
/// </summary>
public sealed class CosmosMessengerEventLog(CosmosDatabase cosmos, TimeProvider time) : IMessengerEventLog
{
    /// <summary>A turn takes milliseconds; a claim this old belongs to a process that is gone.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    private const string Processing = "processing";
    private const string Done = "done";

    private Container Events => cosmos.Events;

    public async Task<MessengerEventClaim> ClaimAsync(string eventKey, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        var partitionKey = new PartitionKey(id);
        var now = time.GetUtcNow();

        // Two rounds: the second covers a release that deleted the claim between our create and our read.
        for (var round = 0; round < 2; round++)
        {
            using (var body = CosmosJson.Write(new EventDocument(id, eventKey, Processing, now)))
            using (var create = await Events.CreateItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (create.StatusCode != HttpStatusCode.Conflict)
                {
                    create.EnsureSuccessStatusCode();
                    return MessengerEventClaim.Claimed;
                }
            }

            using var read = await Events.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (read.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }

            var stored = await CosmosJson.ReadAsync<EventDocument>(read, cancellationToken).ConfigureAwait(false);
            if (stored.State == Done)
            {
                return MessengerEventClaim.AlreadyProcessed;
            }

            if (stored.ClaimedAt >= now - AbandonedAfter)
            {
                return MessengerEventClaim.InProgress;
            }

            using var takeOver = CosmosJson.Write(stored with { ClaimedAt = now });
            using var replace = await Events.ReplaceItemStreamAsync(takeOver, id, partitionKey, new ItemRequestOptions { IfMatchEtag = read.Headers.ETag }, cancellationToken).ConfigureAwait(false);
            if (replace.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
            {
                return MessengerEventClaim.InProgress;
            }

            replace.EnsureSuccessStatusCode();
            return MessengerEventClaim.Claimed;
        }

        return MessengerEventClaim.InProgress;
    }

    public async Task CompleteAsync(string eventKey, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        using var body = CosmosJson.Write(new EventDocument(id, eventKey, Done, time.GetUtcNow()));
        using var upsert = await Events.UpsertItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
    }

    public async Task ReleaseAsync(string eventKey, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        var partitionKey = new PartitionKey(id);
        using var read = await Events.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound || (await CosmosJson.ReadAsync<EventDocument>(read, cancellationToken).ConfigureAwait(false)).State != Processing)
        {
            return;
        }

        // Only the claim as read goes: a completion that landed in between stays.
        using var delete = await Events.DeleteItemStreamAsync(id, partitionKey, new ItemRequestOptions { IfMatchEtag = read.Headers.ETag }, cancellationToken).ConfigureAwait(false);
        if (delete.StatusCode is not (HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
        {
            delete.EnsureSuccessStatusCode();
        }
    }

    private sealed record EventDocument(string Id, string EventKey, string State, DateTimeOffset ClaimedAt);
}
