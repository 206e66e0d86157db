using ConversationBot.Notifications.OptIns;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Opt-in offer history per (channel, customer): one document in <c>customers</c>, so the policy's
/// read is one point read. Records are appended with an ETag-checked update, so concurrent turns
/// cannot lose one. A customer gets few offers; the newest <see cref="MaxRecords"/> of each kind are
/// kept so the document stays small whatever happens.
/// </summary>
public sealed class CosmosOfferHistoryStore(CosmosDatabase cosmos) : IOfferHistoryStore
{
    public const int MaxRecords = 200;

    public async Task<OfferHistory> GetAsync(string channelId, string customerId, CancellationToken cancellationToken)
    {
        var id = IdFor(channelId, customerId);
        using var read = await cosmos.Customers.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return OfferHistory.Empty;
        }

        var stored = await CosmosJson.ReadAsync<OffersDocument>(read, cancellationToken).ConfigureAwait(false);
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

    private async Task UpdateAsync(string channelId, string customerId, Func<OffersDocument, OffersDocument> change, CancellationToken cancellationToken)
    {
        var id = IdFor(channelId, customerId);
        await CosmosDocumentUpdate.UpdateAsync<OffersDocument>(
            cosmos.Customers,
            id,
            new PartitionKey(id),
            stored => change(stored ?? new OffersDocument(id, channelId, customerId, [], [], null)),
            cancellationToken).ConfigureAwait(false);
    }

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
