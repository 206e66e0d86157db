namespace ConversationBot.Bot.Delivery.Rate;

/// <summary>The schedule in this process: right for SQLite, where one process does all the sending.</summary>
public sealed class InProcessSendSlotStore : ISendSlotStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SendSlots> _pages = new(StringComparer.Ordinal);

    public Task<SlotGrant> TakeAsync(string pageKey, int count, int perSecond, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var (first, after) = _pages.GetValueOrDefault(pageKey).Take(count, perSecond, now);
            _pages[pageKey] = after;
            return Task.FromResult(new SlotGrant(first, after.HeldUntil));
        }
    }

    public Task HoldUntilAsync(string pageKey, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _pages[pageKey] = _pages.GetValueOrDefault(pageKey).HoldUntil(until);
            return Task.CompletedTask;
        }
    }
}
