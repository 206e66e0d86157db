using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Delivery.Rate;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.OptIns;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Delivery.Rate;

/// <summary>Two instances' <see cref="FleetSendRate"/> on one schedule, on a fake clock: slots for both together, and a rate limit seen by one holds back the other.</summary>
public sealed class FleetSendRateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_instances_get_slots_of_one_schedule_at_the_pages_rate_together()
    {
        var clock = new TimerAwareClock(Start);
        var store = new InProcessSendSlotStore();
        using var a = Rate(store, clock, 50);
        using var b = Rate(store, clock, 50);

        // 50/s is scheduled at 47/s (5% headroom), slots 1/47 s apart. Each instance takes a batch of 4 (a
        // tenth of a second's worth): a's are the first four, b's start after them, however close together the two ask.
        Assert.Equal(47, FleetSendRate.Scheduled(50));
        var waitA = a.WaitForSlotAsync(default);
        var waitB = b.WaitForSlotAsync(default);
        Assert.True(waitA.IsCompleted);
        Assert.False(waitB.IsCompleted);
        // b waits for its slot, never less (a timer's wait is whole milliseconds, Bot/Hosting/ClockDelay.cs): it
        // wakes within the millisecond after the slot. Before, it woke up to a millisecond early and could leave then.
        var bSlot = Start + (SendSlots.Spacing(47) * 4);
        Assert.InRange(clock.NextDue()!.Value, bSlot, bSlot + TimeSpan.FromMilliseconds(1) - TimeSpan.FromTicks(1));
        clock.AdvanceToNextTimer();
        await waitB.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_rate_limit_seen_by_one_instance_holds_back_the_other()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InProcessSendSlotStore();
        using var a = Rate(store, clock, 50);
        using var b = Rate(store, clock, 50);

        await a.SlowDownAsync(TimeSpan.FromSeconds(5), default);
        var send = b.WaitForSlotAsync(default);
        clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(send.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await send;
    }

    [Fact]
    public async Task Slots_handed_out_before_a_rate_limit_are_given_up_once_the_instance_knows_of_it()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InProcessSendSlotStore();
        using var a = Rate(store, clock, 50);
        using var b = Rate(store, clock, 50);

        // b's eight sends in flight hold slots of two batches (the first leaves at once); a holds the
        // next batch. Then a is told to wait 5 s: its own send waits, and b learns of it with its next
        // batch, after which none of the slots it had handed out inside the wait is used.
        var bSends = Enumerable.Range(0, 8).Select(_ => b.WaitForSlotAsync(default)).ToList();
        var aSend = a.WaitForSlotAsync(default);
        Assert.Equal(1, bSends.Count(w => w.IsCompleted));
        await a.SlowDownAsync(TimeSpan.FromSeconds(5), default);
        var bNext = b.WaitForSlotAsync(default);

        // The clock moves in small steps, so each send wakes on time for its slot (a late one would take
        // a new slot anyway, FleetSendRate.MaxLateness).
        for (var step = 0; step < 50; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
        }

        clock.Advance(TimeSpan.FromSeconds(4.5) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        Assert.Equal((1, false, false), (bSends.Count(w => w.IsCompleted), aSend.IsCompleted, bNext.IsCompleted));

        // After the wait, all of them at the Page's rate again.
        var all = Task.WhenAll([.. bSends, aSend, bNext]);
        for (var step = 0; step < 40 && !all.IsCompleted; step++)
        {
            clock.Advance(SendSlots.Spacing(47));
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System));
        }

        await all.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(clock.GetUtcNow() >= Start + TimeSpan.FromSeconds(5) + SendSlots.Spacing(47) * 8, $"nine sends after the wait by {clock.GetUtcNow() - Start}");
    }

    [Fact]
    public async Task Sends_that_wake_long_after_their_slots_take_new_ones_instead_of_leaving_together()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InProcessSendSlotStore();
        using var rate = Rate(store, clock, 50);
        await rate.WaitForSlotAsync(default);
        var waiting = Enumerable.Range(0, 3).Select(_ => rate.WaitForSlotAsync(default)).ToList();

        // The machine was busy: the timers fire half a second after the three slots. Leaving together
        // would put three sends in one instant; one leaves, the others get the slots after it.
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await Task.WhenAny(waiting).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, waiting.Count(w => w.IsCompleted));

        // The other two leave one slot apart as the clock moves on (whenever their timers' work runs).
        var all = Task.WhenAll(waiting);
        for (var step = 0; step < 20 && !all.IsCompleted; step++)
        {
            clock.Advance(SendSlots.Spacing(47));
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System));
        }

        await all.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_second_holds_no_more_slots_than_the_rate_however_they_are_batched()
    {
        var slots = default(SendSlots);
        var taken = new List<DateTimeOffset>();
        foreach (var batch in new[] { 3, 7, 1, 25, 5, 9, 2, 25, 25 })
        {
            var (first, after) = slots.Take(batch, 50, Start);
            taken.AddRange(Enumerable.Range(0, batch).Select(i => first + SendSlots.Spacing(50) * i));
            slots = after;
        }

        Assert.All(taken, t => Assert.True(taken.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)) <= 50));
        Assert.Equal(taken.Count, taken.Distinct().Count());
    }

    private static FleetSendRate Rate(ISendSlotStore store, TimeProvider clock, int perSecond) =>
        new(store, new MessengerPage("page"), Options.Create(new DeliveryHostOptions { MessengerSendsPerSecond = perSecond }), clock);
}
