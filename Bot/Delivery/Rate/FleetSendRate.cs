using ConversationBot.Bot.Hosting;
using ConversationBot.Notifications.OptIns;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery.Rate;

/// <summary>
/// <c>Delivery:MessengerSendsPerSecond</c> for the Page, held by every instance together: each send
/// waits for its slot of the Page's one schedule (<see cref="SendSlots"/> in an <see cref="ISendSlotStore"/>).
/// Slots are taken from the store a few at a time (a tenth of a second's worth), so the store is written
/// a few times a second per instance, not once per send; slots that went stale unused (the instance
/// paused between pages) are dropped rather than sent in a burst. A rate limit the platform reports to
/// any instance moves the schedule past its wait, which slows all of them. The instance told gives up at
/// once every slot it had handed out inside the wait, and any other instance when it takes its next batch;
/// until then the slots its parallel sends already wait on still go out, so after a 429 a fleet sends at
/// most instances x <c>Delivery:MaxParallelSends</c> more (docs/delivery.md, "One send rate per Page").
/// </summary>
public sealed class FleetSendRate(ISendSlotStore store, MessengerPage page, IOptions<DeliveryHostOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>How long everyone holds back after a rate limit that names no wait.</summary>
    public static readonly TimeSpan DefaultSlowDown = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _next;
    private int _left;
    private long _heldUntilTicks;

    /// <summary>Waits until this send's slot; at once when the rate is unlimited (0).</summary>
    public async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        var perSecond = Scheduled(options.Value.MessengerSendsPerSecond);
        if (perSecond <= 0)
        {
            return;
        }

        var spacing = SendSlots.Spacing(perSecond);
        while (true)
        {
            var slot = await NextSlotAsync(perSecond, spacing, cancellationToken).ConfigureAwait(false);
            await ClockDelay.AtLeastAsync(slot - clock.GetUtcNow(), clock, cancellationToken).ConfigureAwait(false);

            // A send that wakes long after its slot (a starved timer on a busy machine) would go out
            // together with the sends of the slots after it, and a second could then hold more than the
            // Page allows: such a slot is given up, as unused slots are, and the send takes a new one.
            // So is a slot inside a rate limit learned of after it was handed out.
            if (clock.GetUtcNow() - slot <= MaxLateness && slot.UtcTicks >= Interlocked.Read(ref _heldUntilTicks))
            {
                return;
            }
        }
    }

    /// <summary>How late after its slot a send may still leave: with the 5% headroom a second then holds at most about 1.05 times the setting.</summary>
    public static readonly TimeSpan MaxLateness = TimeSpan.FromMilliseconds(100);

    private async Task<DateTimeOffset> NextSlotAsync(int perSecond, TimeSpan spacing, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_left == 0 || _next < clock.GetUtcNow() - spacing)
            {
                var batch = Math.Clamp(perSecond / 10, 1, 25);
                var grant = await store.TakeAsync(page.Key, batch, perSecond, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                Learn(grant.HeldUntil);
                _next = grant.First;
                _left = batch;
            }

            var slot = _next;
            _next += spacing;
            _left--;
            return slot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The rate the schedule keeps: 5% under the setting. A send leaves a little after its slot (a timer
    /// fires late on a busy machine, a connection is slower), so sends that were due just before a second
    /// can land inside it; the headroom keeps such a second under the Page's limit, not on it.
    /// </summary>
    public static int Scheduled(int perSecond) => perSecond <= 0 ? 0 : Math.Max(1, perSecond * 95 / 100);

    /// <summary>The platform said to slow down: no instance sends for the Page before the wait is over.</summary>
    public async Task SlowDownAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + (retryAfter is { } told && told > TimeSpan.Zero ? told : DefaultSlowDown);
        Learn(until);
        await store.HoldUntilAsync(page.Key, until, cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        _left = 0;
        _gate.Release();
    }

    /// <summary>Keeps the latest hold known to this instance; a slot before it is not used.</summary>
    private void Learn(DateTimeOffset heldUntil)
    {
        var known = Interlocked.Read(ref _heldUntilTicks);
        while (heldUntil.UtcTicks > known)
        {
            var seen = Interlocked.CompareExchange(ref _heldUntilTicks, heldUntil.UtcTicks, known);
            if (seen == known)
            {
                return;
            }

            known = seen;
        }
    }

    public void Dispose() => _gate.Dispose();
}
