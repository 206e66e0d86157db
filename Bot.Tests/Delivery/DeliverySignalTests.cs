using ConversationBot.Bot.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Delivery;

/// <summary>The worker's wake-up: a campaign created while the worker is busy is worked without waiting for the poll.</summary>
public sealed class DeliverySignalTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_wake_up_during_a_pass_ends_the_next_wait_at_once()
    {
        var signal = new DeliverySignal();
        var clock = new FakeTimeProvider();
        var seen = signal.Wakes;

        signal.Wake();

        var wait = signal.WaitAsync(seen, Poll, clock, CancellationToken.None);
        Assert.True(wait.IsCompleted);
        await wait;
    }

    [Fact]
    public async Task A_wait_ends_on_a_wake_up_or_at_the_poll_and_not_before()
    {
        var signal = new DeliverySignal();
        var clock = new FakeTimeProvider();

        var woken = signal.WaitAsync(signal.Wakes, Poll, clock, CancellationToken.None);
        Assert.False(woken.IsCompleted);
        signal.Wake();
        await woken.WaitAsync(TimeSpan.FromSeconds(10));

        var polled = signal.WaitAsync(signal.Wakes, Poll, clock, CancellationToken.None);
        clock.Advance(Poll - TimeSpan.FromMilliseconds(1));
        Assert.False(polled.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await polled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task No_wake_up_is_lost_when_it_comes_just_as_a_wait_ends_by_its_timer()
    {
        var signal = new DeliverySignal();
        var clock = new FakeTimeProvider();
        for (var round = 0; round < 2_000; round++)
        {
            // The worker waits; its poll timer fires while, at the same moment, a campaign is created.
            var seen = signal.Wakes;
            var wait = signal.WaitAsync(seen, Poll, clock, CancellationToken.None);
            var creation = Task.Run(signal.Wake);
            clock.Advance(Poll);
            await wait.WaitAsync(TimeSpan.FromSeconds(10));
            await creation;

            // However the race went, the wake-up still counts: a wait from before it does not block.
            Assert.True(signal.WaitAsync(seen, Poll, clock, CancellationToken.None).IsCompleted, $"round {round}: the wake-up was lost");
        }
    }
}
