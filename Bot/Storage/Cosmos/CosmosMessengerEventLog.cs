using System.Net;
using ConversationBot.Bot.Messenger;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Messenger events in <c>events</c>, one document each (its own partition). A POST's events are
/// created side by side when it arrives (Cosmos DB has no transaction across partitions), as
/// received. A claim turns a received document into a claimed one with an ETag-checked replace, or
/// creates it, so of two hosts running the same event only one gets it. A claim older than the turn
/// lease belongs to a host that stopped mid-turn and is taken over the same way, with the replies the
/// dead turn recorded (its outbox, appended by a patch per reply). A release makes the claim
/// abandoned at once and keeps the outbox. The container's time to live (seven days, far longer
/// than Meta retries) removes old events; nothing here prunes.
/// </summary>
public sealed class CosmosMessengerEventLog(CosmosDatabase cosmos, TimeProvider time, IOptions<MessengerOptions> options) : IMessengerEventLog
{
    private const string Received = "received";
    private const string Processing = "processing";
    private const string Done = "done";
    private const string SetAside = "set-aside";

    /// <summary>Creates of one POST in flight at once: a 1,000-event POST stays well inside Meta's 5 seconds without flooding the account's request units.</summary>
    private const int ParallelCreates = 32;

    private Container Events => cosmos.Events;

    private TimeSpan Lease => options.Value.TurnLease;

    public async Task<IReadOnlySet<string>> AcceptAsync(IReadOnlyList<AcceptedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = time.GetUtcNow();
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            events.Select((received, position) => (received, position)),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelCreates, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var (received, position) = item;
                if (await AcceptOneAsync(received, position, now, token).ConfigureAwait(false))
                {
                    accepted[received.Key] = true;
                }
            }).ConfigureAwait(false);
        return new HashSet<string>(accepted.Keys, StringComparer.Ordinal);
    }

    private async Task<bool> AcceptOneAsync(AcceptedEvent received, int position, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(received.Key);
        var partitionKey = new PartitionKey(id);
        var document = new EventDocument(
            id, received.Key, received.SetAsideReason is null ? Received : SetAside, now, null, 0, received.SetAsideReason, received.Raw, received.Sender, now, position);
        using (var body = CosmosJson.Write(document))
        using (var create = await Events.CreateItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (create.StatusCode != HttpStatusCode.Conflict)
            {
                create.EnsureSuccessStatusCode();
                return true;
            }
        }

        // Known already. A claim left without its event by a version that ran turns inside the POST
        // gets it now, so the redelivery that brought it again can run it.
        using var read = await Events.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        var stored = await CosmosJson.ReadAsync<EventDocument>(read, cancellationToken).ConfigureAwait(false);
        if (stored.State != Processing || stored.Raw is not null)
        {
            return false;
        }

        using var completed = CosmosJson.Write(stored with { Raw = received.Raw, Sender = received.Sender, ReceivedAt = now, Position = position });
        using var replace = await Events.ReplaceItemStreamAsync(completed, id, partitionKey, new ItemRequestOptions { IfMatchEtag = read.Headers.ETag }, cancellationToken).ConfigureAwait(false);
        return replace.IsSuccessStatusCode;
    }

    /// <summary>
    /// Across partitions (each event is its own): a host's look, once a lease, for what a stopped host
    /// left; the unfinished are few, and sorted here, not by the service.
    /// </summary>
    public async Task<IReadOnlyList<UnfinishedEvent>> ListUnfinishedAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var query = new QueryDefinition("SELECT * FROM c WHERE (c.state = @received OR c.state = @processing) AND IS_STRING(c.raw)")
            .WithParameter("@received", Received)
            .WithParameter("@processing", Processing);
        var found = await CosmosQuery.AllAsync<EventDocument>(Events, query, partitionKey: null, cancellationToken).ConfigureAwait(false);

        return [.. found
            .OrderBy(d => d.ReceivedAt ?? d.ClaimedAt).ThenBy(d => d.Position ?? 0).ThenBy(d => d.EventKey, StringComparer.Ordinal)
            .Take(max)
            .Select(d => new UnfinishedEvent(d.EventKey, d.Sender ?? string.Empty, d.Raw!, d.State == Processing, d.ClaimedAt))];
    }

    public async Task<MessengerEventTurn> ClaimAsync(string eventKey, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        var partitionKey = new PartitionKey(id);
        var now = time.GetUtcNow();

        // Read first: nearly every event was stored as received when its POST came. Two rounds: the
        // second covers another host's create between our read and our create.
        for (var round = 0; round < 2; round++)
        {
            using var read = await Events.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (read.StatusCode == HttpStatusCode.NotFound)
            {
                using var body = CosmosJson.Write(new EventDocument(id, eventKey, Processing, now, [], 1));
                using var create = await Events.CreateItemStreamAsync(body, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (create.StatusCode == HttpStatusCode.Conflict)
                {
                    continue;
                }

                create.EnsureSuccessStatusCode();
                return MessengerEventTurn.Claimed([], 1);
            }

            var stored = await CosmosJson.ReadAsync<EventDocument>(read, cancellationToken).ConfigureAwait(false);
            if (stored.State is Done or SetAside)
            {
                return MessengerEventTurn.AlreadyProcessed;
            }

            if (stored.State == Processing && stored.ClaimedAt >= now - Lease)
            {
                return MessengerEventTurn.InProgress;
            }

            var attempts = stored.Attempts + 1;
            using var takeOver = CosmosJson.Write(stored with { State = Processing, ClaimedAt = now, Sent = stored.Sent ?? [], Attempts = attempts });
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

    public async Task RecordSendingAsync(string eventKey, string reply, CancellationToken cancellationToken)
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

    public async Task ForgetSendingAsync(string eventKey, string reply, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey(eventKey);
        var partitionKey = new PartitionKey(id);

        // A failure path only (the Send API refused the reply): read, drop it, replace if nothing changed in between.
        for (var round = 0; round < 5; round++)
        {
            using var read = await Events.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (read.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            var stored = await CosmosJson.ReadAsync<EventDocument>(read, cancellationToken).ConfigureAwait(false);
            if (stored.State != Processing || stored.Sent?.Contains(reply, StringComparer.Ordinal) != true)
            {
                return;
            }

            using var body = CosmosJson.Write(stored with { Sent = [.. stored.Sent.Where(r => r != reply)] });
            using var replace = await Events.ReplaceItemStreamAsync(body, id, partitionKey, new ItemRequestOptions { IfMatchEtag = read.Headers.ETag }, cancellationToken).ConfigureAwait(false);
            if (replace.StatusCode != HttpStatusCode.PreconditionFailed)
            {
                replace.EnsureSuccessStatusCode();
                return;
            }
        }

        throw new InvalidOperationException($"The outbox of event {eventKey} kept changing; the reply could not be taken back.");
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
        using var released = CosmosJson.Write(stored with { ClaimedAt = time.GetUtcNow() - Lease - TimeSpan.FromMilliseconds(1) });
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
        var found = await CosmosQuery.AllAsync<EventDocument>(Events, query, partitionKey: null, cancellationToken).ConfigureAwait(false);

        return [.. found
            .OrderByDescending(d => d.ClaimedAt).ThenBy(d => d.EventKey, StringComparer.Ordinal)
            .Take(max)
            .Select(d => new SetAsideEvent(d.EventKey, d.ClaimedAt, d.Reason ?? string.Empty, d.Raw ?? string.Empty))];
    }

    private sealed record EventDocument(
        string Id,
        string EventKey,
        string State,
        DateTimeOffset ClaimedAt,
        IReadOnlyList<string>? Sent,
        int Attempts,
        string? Reason = null,
        string? Raw = null,
        string? Sender = null,
        DateTimeOffset? ReceivedAt = null,
        int? Position = null);
}
