namespace ConversationBot.Bot.Delivery.Rate;

/// <summary>Where the Page's <see cref="SendSlots"/> live: in the process for SQLite (one process by design), in the store for a fleet on Cosmos DB.</summary>
public interface ISendSlotStore
{
    /// <summary>Takes <paramref name="count"/> consecutive slots of the Page's schedule; returns the first (the rest follow at <see cref="SendSlots.Spacing"/>) and the schedule's latest hold.</summary>
    Task<SlotGrant> TakeAsync(string pageKey, int count, int perSecond, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Nobody gets a slot before <paramref name="until"/> (the platform said to slow down).</summary>
    Task HoldUntilAsync(string pageKey, DateTimeOffset until, CancellationToken cancellationToken);
}
