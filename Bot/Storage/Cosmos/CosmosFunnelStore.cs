using System.Net;
using ConversationBot.Notifications.Funnel;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// The funnel (docs/funnel.md) in Cosmos DB. Counters: one document per (UTC day, entry) in <c>pages</c>
/// with five integers, a fixed size whatever the traffic; a count is a patch that increments one of them
/// (atomic on the service, so busy turns never retry each other), and the day's first count of an entry
/// creates the document (on a 409 the increment goes onto the one another turn created). Attributions:
/// one small document per customer, and per customer and topic, in <c>customers</c>, read and replaced by id.
/// <para>
/// Reading the funnel is a query across <c>pages</c> with a scan (<see cref="CosmosCounters.ReadDaysAsync"/>):
/// the operator asks for it now and then, and an index would cost on every count of every turn.
/// </para>
/// </summary>
public sealed class CosmosFunnelStore(CosmosDatabase cosmos) : IFunnelStore
{
    private const string CountsKind = "funnel";

    public async Task IncrementAsync(string entry, FunnelStage stage, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var day = CosmosCounters.Day(DateOnly.FromDateTime(at.UtcDateTime));
        var id = CosmosIds.Compose(CountsKind, day, entry);
        await CosmosCounters.AddAsync(
            cosmos.Pages, id, [PatchOperation.Increment("/" + Field(stage), 1)], () => FunnelDayDocument.First(id, day, entry, stage), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FunnelCounts>> ReadAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var totals = new SortedDictionary<string, FunnelCounts>(StringComparer.Ordinal);
        foreach (var document in await CosmosCounters.ReadDaysAsync<FunnelDayDocument>(cosmos.Pages, CountsKind, firstDay, lastDay, cancellationToken).ConfigureAwait(false))
        {
            var counts = new FunnelCounts(document.Entry, document.Entered, document.Conversations, document.OffersShown, document.OptIns, document.Stops);
            totals[document.Entry] = totals.TryGetValue(document.Entry, out var sum) ? sum.Plus(counts) : counts;
        }

        return [.. totals.Values];
    }

    public async Task<FunnelAttribution?> FindAsync(string channelId, string customerId, string? topicId, CancellationToken cancellationToken)
    {
        var id = AttributionId(channelId, customerId, topicId);
        using var read = await cosmos.Customers.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var stored = await CosmosJson.ReadAsync<AttributionDocument>(read, cancellationToken).ConfigureAwait(false);
        return new FunnelAttribution(stored.Entry, stored.At);
    }

    public async Task SaveAsync(string channelId, string customerId, string? topicId, FunnelAttribution attribution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        var id = AttributionId(channelId, customerId, topicId);
        using var body = CosmosJson.Write(new AttributionDocument(id, attribution.Entry, attribution.At));
        using var upsert = await cosmos.Customers.UpsertItemStreamAsync(body, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        upsert.EnsureSuccessStatusCode();
    }

    internal static string AttributionId(string channelId, string customerId, string? topicId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(customerId);
        return CosmosIds.Compose("funnel-from", channelId, customerId, topicId ?? string.Empty);
    }

    private static string Field(FunnelStage stage) => stage switch
    {
        FunnelStage.Entered => "entered",
        FunnelStage.Conversation => "conversations",
        FunnelStage.OfferShown => "offersShown",
        FunnelStage.OptIn => "optIns",
        FunnelStage.Stop => "stops",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "no such stage"),
    };


    private sealed record AttributionDocument(string Id, string Entry, DateTimeOffset At);

    /// <summary>One entry's counts of one UTC day; every counter exists from creation, so an increment always finds a number.</summary>
    private sealed record FunnelDayDocument(string Id, string Kind, string Day, string Entry, long Entered, long Conversations, long OffersShown, long OptIns, long Stops)
    {
        public static FunnelDayDocument First(string id, string day, string entry, FunnelStage stage) =>
            new(id, CountsKind, day, entry,
                stage == FunnelStage.Entered ? 1 : 0,
                stage == FunnelStage.Conversation ? 1 : 0,
                stage == FunnelStage.OfferShown ? 1 : 0,
                stage == FunnelStage.OptIn ? 1 : 0,
                stage == FunnelStage.Stop ? 1 : 0);
    }
}
