using System.Net;
using ConversationBot.Notifications.OptIns;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Opt-in offer history per (channel, customer): one document in <c>customers</c>, so the policy's
/// read is one point read. Records are appended with an ETag-checked update, so concurrent turns
/// cannot lose one. A customer gets few offers; the newest <see cref="MaxRecords"/> of each kind are
/// kept so the document stays small whatever happens.
/// <para>
/// A turn that offers reads the history to decide and then records the offer: the version read is
/// kept (<see cref="_lastRead"/>), so the record is written on it at once, a create if it was absent
/// (409: someone created it meanwhile) or a replace on its ETag (412: someone changed it), and only
/// then read again. One read and one write per offer instead of two reads (docs/cost.md).
/// </para>
/// </summary>
public sealed class CosmosOfferHistoryStore(CosmosDatabase cosmos) : IOfferHistoryStore
{
    public const int MaxRecords = 200;

    /// <summary>Kept versions are a saving, not state: past this many (read, never written) they are dropped and reads take over.</summary>
    private const int MaxKept = 10_000;

    /// <summary>The version of each history this instance last read, by id: null document = read as absent.</summary>
    private readonly RememberedValues<string, CosmosVersion<OffersDocument>> _lastRead = new(MaxKept, StringComparer.Ordinal);

    public async Task<OfferHistory> GetAsync(string channelId, string customerId, CancellationToken cancellationToken)
    {
        var id = IdFor(channelId, customerId);
        using var read = await cosmos.Customers.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            Keep(id, null, null);
            return OfferHistory.Empty;
        }

        var stored = await CosmosJson.ReadAsync<OffersDocument>(read, cancellationToken).ConfigureAwait(false);
        Keep(id, stored, read.Headers.ETag);
        return new OfferHistory(stored.Requests, stored.Declines, stored.BlockedUntil);
    }

    public Task RecordRequestAsync(string channelId, string customerId, OptInRequestRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return UpdateAsync(channelId, customerId, d => d with { Requests = Append(d.Requests, request) }, cancellationToken);
    }

    public Task RecordDeclineAsync(string channelId, string customerId, OptInDeclineRecord decline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decline);
        return UpdateAsync(channelId, customerId, d => d with { Declines = Append(d.Declines, decline) }, cancellationToken);
    }

    /// <remarks>The latest call wins, earlier or later: the platform's newest answer is the one in force.</remarks>
    public Task BlockOffersUntilAsync(string channelId, string customerId, DateTimeOffset until, CancellationToken cancellationToken) =>
        UpdateAsync(channelId, customerId, d => d with { BlockedUntil = until }, cancellationToken);

    private Task UpdateAsync(string channelId, string customerId, Func<OffersDocument, OffersDocument> change, CancellationToken cancellationToken)
    {
        var id = IdFor(channelId, customerId);
        return CosmosDocumentUpdate.UpdateAsync<OffersDocument>(
            cosmos.Customers,
            id,
            new PartitionKey(id),
            stored => change(stored ?? New(id, channelId, customerId)),
            cancellationToken,
            known: _lastRead.TryTake(id, out var kept) ? kept : null);
    }

    private void Keep(string id, OffersDocument? document, string? etag)
    {
        if (document is not null && string.IsNullOrEmpty(etag))
        {
            return;
        }

        _lastRead.Remember(id, new CosmosVersion<OffersDocument>(document, etag));
    }

    private static OffersDocument New(string id, string channelId, string customerId) => new(id, channelId, customerId, [], [], null);

    private static List<T> Append<T>(List<T> records, T record) => [.. records.Skip(Math.Max(0, records.Count + 1 - MaxRecords)), record];

    internal static string IdFor(string channelId, string customerId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(customerId);
        return CosmosIds.Compose("offers", channelId, customerId);
    }

    private sealed record OffersDocument(
        string Id, string ChannelId, string CustomerId, List<OptInRequestRecord> Requests, List<OptInDeclineRecord> Declines, DateTimeOffset? BlockedUntil);
}
