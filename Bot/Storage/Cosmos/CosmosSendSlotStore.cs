using ConversationBot.Bot.Delivery.Rate;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// The Page's send schedule shared by every instance: one small document in <c>pages</c>
/// (<c>sendslots|{page}</c>) holding the next free slot, moved on by an ETag-checked replace. Instances
/// take slots in small batches (<see cref="FleetSendRate"/>), so at 250 sends a second the document is
/// written some 25 times a second, not once per send.
/// </summary>
public sealed class CosmosSendSlotStore(CosmosDatabase cosmos) : ISendSlotStore
{
    public async Task<DateTimeOffset> TakeAsync(string pageKey, int count, int perSecond, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = now;
        await UpdateAsync(pageKey, slots =>
        {
            var (start, after) = slots.Take(count, perSecond, now);
            first = start;
            return after;
        }, cancellationToken).ConfigureAwait(false);
        return first;
    }

    public Task HoldUntilAsync(string pageKey, DateTimeOffset until, CancellationToken cancellationToken) =>
        UpdateAsync(pageKey, slots => slots.HoldUntil(until), cancellationToken);

    private async Task UpdateAsync(string pageKey, Func<SendSlots, SendSlots> change, CancellationToken cancellationToken)
    {
        var id = CosmosIds.ForKey("sendslots|" + pageKey);
        await CosmosDocumentUpdate.UpdateAsync<SlotDocument>(
            cosmos.Pages,
            id,
            new PartitionKey(id),
            stored =>
            {
                var slots = change(new SendSlots(stored is null ? DateTimeOffset.MinValue : new DateTimeOffset(stored.NextFreeTicks, TimeSpan.Zero)));
                return new SlotDocument(id, pageKey, slots.NextFree.UtcTicks);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ticks, not an ISO instant: slots are milliseconds apart at Meta's rates, and a number keeps them exact.</summary>
    private sealed record SlotDocument(string Id, string PageKey, long NextFreeTicks);
}
