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
    private const string SetAside = "set-aside";

    private Container Events => cosmos.Events;

    public async Task<MessengerEventTurn> ClaimAsync(string eventKey, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        var partitionKey = new PartitionKey(id);
        var now = time.GetUtcNow();

        // Two rounds: the second covers a release that deleted the claim between our create and our read.
        for (var round = 0; round < 2; round++)
        {
            using (var body = CosmosJson.Write(new EventDocument(id, eventKey, Processing, now, [], 1)))
            using (var create = await Events.CreateItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (create.StatusCode != HttpStatusCode.Conflict)
                {
                    create.EnsureSuccessStatusCode();
                    return MessengerEventTurn.Claimed([], 1);
                }
            }

            using var read = await Events.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (read.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }

            var stored = await CosmosJson.ReadAsync<EventDocument>(read, cancellationToken).ConfigureAwait(false);
            if (stored.State is Done or SetAside)
            {
                return MessengerEventTurn.AlreadyProcessed;
            }

            if (stored.ClaimedAt >= now - AbandonedAfter)
            {
                return MessengerEventTurn.InProgress;
            }

            var attempts = stored.Attempts + 1;
            using var takeOver = CosmosJson.Write(stored with { ClaimedAt = now, Sent = stored.Sent ?? [], Attempts = attempts });
            using var replace = await Events.ReplaceItemStreamAsync(takeOver, id, partitionKey, new ItemRequestOptions { IfMatchEtag = read.Headers.ETag }, cancellationToken).ConfigureAwait(false);
            if (replace.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
            {
                return MessengerEventTurn.InProgress;
            }

            replace.EnsureSuccessStatusCode();
            return MessengerEventTurn.Claimed(stored.Sent ?? [], attempts);
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
        using var body = CosmosJson.Write(new EventDocument(id, eventKey, Done, time.GetUtcNow(), null, 0));
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

    public async Task SetAsideAsync(string eventKey, string rawEvent, string reason, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        var partitionKey = new PartitionKey(id);
        using var read = await Events.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        var stored = read.StatusCode == HttpStatusCode.NotFound ? null : await CosmosJson.ReadAsync<EventDocument>(read, cancellationToken).ConfigureAwait(false);
        if (stored?.State == Done)
        {
            return;
        }

        using var body = CosmosJson.Write(new EventDocument(id, eventKey, SetAside, time.GetUtcNow(), stored?.Sent, stored?.Attempts ?? 1, reason, rawEvent));
        using var upsert = await Events.UpsertItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Across partitions (each event is its own): an operator's occasional look at a handful of
    /// documents, kept only as long as the container's time to live; sorted here, not by the service.
    /// </summary>
    public async Task<IReadOnlyList<SetAsideEvent>> ListSetAsideAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.state = @state").WithParameter("@state", SetAside);
        var found = new List<EventDocument>();
        using var iterator = Events.GetItemQueryStreamIterator(query, null, new QueryRequestOptions { MaxItemCount = 1000 });
        while (iterator.HasMoreResults)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            found.AddRange(await CosmosJson.ReadFeedAsync<EventDocument>(response, cancellationToken).ConfigureAwait(false));
        }

        return [.. found
            .OrderByDescending(d => d.ClaimedAt).ThenBy(d => d.EventKey, StringComparer.Ordinal)
            .Take(max)
            .Select(d => new SetAsideEvent(d.EventKey, d.ClaimedAt, d.Reason ?? string.Empty, d.Raw ?? string.Empty))];
    }

    private sealed record EventDocument(
        string Id, string EventKey, string State, DateTimeOffset ClaimedAt, IReadOnlyList<string>? Sent, int Attempts, string? Reason = null, string? Raw = null);
}
