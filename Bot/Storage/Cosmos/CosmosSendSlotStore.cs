using ConversationBot.Bot.Delivery.Rate;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// The Page's send schedule shared by every instance: one small document in <c>pages</c>
/// (<c>sendslots|{page}</c>) holding the next free slot and the latest hold, moved on by an ETag-checked replace. Instances
/// take slots in small batches (<see cref="FleetSendRate"/>), so at 250 sends a second the document is
/// written some 25 times a second, not once per send.
/// </summary>
public sealed class CosmosSendSlotStore(CosmosDatabase cosmos) : ISendSlotStore
{
    public async Task<SlotGrant> TakeAsync(string pageKey, int count, int perSecond, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var grant = new SlotGrant(now, default);
        await UpdateAsync(pageKey, slots =>
        {
            var (start, after) = slots.Take(count, perSecond, now);
            grant = new SlotGrant(start, after.HeldUntil);
            return after;
        }, cancellationToken).ConfigureAwait(false);
        return grant;
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
                var slots = change(stored is null
                    ? new SendSlots(DateTimeOffset.MinValue)
                    : new SendSlots(new DateTimeOffset(stored.NextFreeTicks, TimeSpan.Zero), new DateTimeOffset(stored.HeldUntilTicks, TimeSpan.Zero)));
                return new SlotDocument(id, pageKey, slots.NextFree.UtcTicks, slots.HeldUntil.UtcTicks);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ticks, not an ISO instant: slots are milliseconds apart at Meta's rates, and a number keeps them exact.
    /// A document written before holds were kept has no <c>HeldUntilTicks</c>: 0, no hold.
    /// </summary>
    private sealed record SlotDocument(string Id, string PageKey, long NextFreeTicks, long HeldUntilTicks = 0);
}
