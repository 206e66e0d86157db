using System.Runtime.CompilerServices;
using ConversationBot.Notifications.Delivery;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// A campaign's delivery records of one state and reason (either may be empty: any), read page by page
/// from the store so that memory stays at one page however large the campaign.
/// </summary>
public sealed record DeliveryFilter(DeliveryState? State, string? Reason)
{
    public const int StorePageSize = 200;

    public bool Matches(DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (State is null || record.State == State) && (string.IsNullOrEmpty(Reason) || string.Equals(record.Reason, Reason, StringComparison.Ordinal));
    }

    /// <summary>At most <paramref name="wanted"/> matches from <paramref name="continuation"/> on, reading at most <paramref name="maxPages"/> store pages; the continuation to go on from, or null at the end.</summary>
    public async Task<(List<DeliveryRecord> Matches, string? Continuation)> FindAsync(
        IDeliveryStore store, string campaignId, string? continuation, int wanted, int maxPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var matches = new List<DeliveryRecord>();
        for (var pages = 0; pages < maxPages && matches.Count < wanted; pages++)
        {
            var page = await store.ListAsync(campaignId, continuation, StorePageSize, cancellationToken).ConfigureAwait(false);
            matches.AddRange(page.Deliveries.Where(Matches));
            continuation = page.Continuation;
            if (continuation is null)
            {
                break;
            }
        }

        return (matches, continuation);
    }

    /// <summary>Every match, for the CSV export.</summary>
    public async IAsyncEnumerable<DeliveryRecord> AllAsync(IDeliveryStore store, string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(campaignId, continuation, StorePageSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Deliveries.Where(Matches))
            {
                yield return record;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }
}
