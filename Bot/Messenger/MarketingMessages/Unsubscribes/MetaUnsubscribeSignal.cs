using ConversationBot.Bot.Delivery;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Unsubscribes;

/// <summary>
/// Wakes the unsubscribe sender when one is added, so a stop reaches Meta at once rather than at the next look.
/// The delivery worker's wake-up (<see cref="DeliverySignal"/>), which loses none, in an instance of its own.
/// </summary>
public sealed class MetaUnsubscribeSignal
{
    private readonly DeliverySignal _signal = new();

    public long Wakes => _signal.Wakes;

    public void Wake() => _signal.Wake();

    /// <summary>Until a wake-up after the <paramref name="seen"/>-th or <paramref name="timeout"/> of <paramref name="clock"/>.</summary>
    public Task WaitAsync(long seen, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken) =>
        _signal.WaitAsync(seen, timeout, clock, cancellationToken);
}
