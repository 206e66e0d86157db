using ConversationBot.Bot.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Hosting;

/// <summary>A wait on the host's clock never ends before the instant asked for (Task.Delay alone drops the part of a millisecond).</summary>
public sealed class ClockDelayTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(851_063)]
    [InlineData(4_000)]
    [InlineData(1)]
    [InlineData(20_000)]
    public void A_wait_ends_at_its_instant_or_within_the_millisecond_after_never_before(long ticks)
    {
        var wait = TimeSpan.FromTicks(ticks);
        var plain = Task.Delay(wait, _clock);
        var delay = ClockDelay.AtLeastAsync(wait, _clock, CancellationToken.None);

        _clock.Advance(wait - TimeSpan.FromTicks(1));
        Assert.False(delay.IsCompleted);

        // What the rounding is for: the plain delay has ended early whenever the wait was not whole milliseconds.
        Assert.Equal(ticks % TimeSpan.TicksPerMillisecond != 0, plain.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(delay.IsCompleted);
    }

    [Fact]
    public void Nothing_to_wait_for_ends_at_once()
    {
        Assert.True(ClockDelay.AtLeastAsync(TimeSpan.Zero, _clock, CancellationToken.None).IsCompleted);
        Assert.True(ClockDelay.AtLeastAsync(TimeSpan.FromTicks(-5), _clock, CancellationToken.None).IsCompleted);
    }
}
