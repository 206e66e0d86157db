using System.Net;
using ConversationBot.Bot.Messenger;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Processed Messenger events in <c>events</c>. A claim is a create, so of two requests running the
/// same event only one gets it (409 for the other). A claim left "processing" by a process that
/// stopped mid-turn is taken over after <see cref="AbandonedAfter"/> with an ETag-checked replace, so
/// again only one taker wins, and gets the replies the dead turn recorded (its outbox, appended by a
/// patch per reply). A release makes the claim abandoned at once and keeps the outbox for the
/// redelivery. The container's time to live (seven days, far longer than Meta retries)
/// removes old events; nothing here prunes.
/// </summary>
public sealed class CosmosMessengerEventLog(CosmosDatabase cosmos, TimeProvider time) : IMessengerEventLog
{
    /// <summary>A turn takes milliseconds; a claim this old belongs to a process that is gone.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    private const string Processing = "processing";
    private const string Done = "done";

    private Container Events => cosmos.Events;

    public async Task<MessengerEventTurn> ClaimAsync(string eventKey, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        var partitionKey = new PartitionKey(id);
        var now = time.GetUtcNow();

        // Two rounds: the second covers a release that deleted the claim between our create and our read.
        for (var round = 0; round < 2; round++)
        {
            using (var body = CosmosJson.Write(new EventDocument(id, eventKey, Processing, now, [])))
            using (var create = await Events.CreateItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (create.StatusCode != HttpStatusCode.Conflict)
                {
                    create.EnsureSuccessStatusCode();
                    return MessengerEventTurn.Claimed([]);
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
                return MessengerEventTurn.AlreadyProcessed;
            }

            if (stored.ClaimedAt >= now - AbandonedAfter)
            {
                return MessengerEventTurn.InProgress;
            }

            using var takeOver = CosmosJson.Write(stored with { ClaimedAt = now, Sent = stored.Sent ?? [] });
            using var replace = await Events.ReplaceItemStreamAsync(takeOver, id, partitionKey, new ItemRequestOptions { IfMatchEtag = read.Headers.ETag }, cancellationToken).ConfigureAwait(false);
            if (replace.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
            {
                return MessengerEventTurn.InProgress;
            }

            replace.EnsureSuccessStatusCode();
            return MessengerEventTurn.Claimed(stored.Sent ?? []);
        }

        return MessengerEventTurn.InProgress;
    }

    public async Task RecordSentAsync(string eventKey, string reply, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        using var patch = await Events.PatchItemStreamAsync(
            id,
            new PartitionKey(id),
            [PatchOperation.Add("/sent/-", reply)],
            null,
            cancellationToken).ConfigureAwait(false);
        if (patch.StatusCode is not (HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
        {
            patch.EnsureSuccessStatusCode();
        }
    }

    public async Task CompleteAsync(string eventKey, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        using var body = CosmosJson.Write(new EventDocument(id, eventKey, Done, time.GetUtcNow(), null));
        using var upsert = await Events.UpsertItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
    }

    public async Task ReleaseAsync(string eventKey, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        var partitionKey = new PartitionKey(id);
        using var read = await Events.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }

        var stored = await CosmosJson.ReadAsync<EventDocument>(read, cancellationToken).ConfigureAwait(false);
        if (stored.State != Processing)
        {
            return;
        }

        // Abandoned as of now, outbox kept; only the claim as read changes: a completion that landed in between stays.
        using var released = CosmosJson.Write(stored with { ClaimedAt = time.GetUtcNow() - AbandonedAfter - TimeSpan.FromMilliseconds(1) });
        using var replace = await Events.ReplaceItemStreamAsync(released, id, partitionKey, new ItemRequestOptions { IfMatchEtag = read.Headers.ETag }, cancellationToken).ConfigureAwait(false);
        if (replace.StatusCode is not (HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
        {
            replace.EnsureSuccessStatusCode();
        }
    }

    private sealed record EventDocument(string Id, string EventKey, string State, DateTimeOffset ClaimedAt, IReadOnlyList<string>? Sent);
}
