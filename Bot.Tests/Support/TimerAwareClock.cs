using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>
/// A fake clock that knows when its earliest live timer is due, so a test can move time exactly to
/// the next thing the code under test waits for. Moving a fake clock in fixed steps from a loop of
/// its own races the code: on a busy machine the clock runs on while the code is still working out
/// how long to wait, and measured waits come out longer than the code asked for.
/// </summary>
public sealed class TimerAwareClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<TrackedTimer> _timers = [];

    /// <summary>When the earliest timer that has not fired, or been stopped or disposed, is due; null when none is waiting.</summary>
    public DateTimeOffset? NextDue()
    {
        var now = GetUtcNow();
        lock (_gate)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _timers)
            {
                if (timer.DueAfter(now) is { } due && (next is null || due < next))
                {
                    next = due;
                }
            }

            return next;
        }
    }

    /// <summary>
    /// Moves the clock to the next due timer, if one is waiting (and, given <paramref name="within"/>, due
    /// no later than that from now: a test can leave a periodic timer such as a lease's renewal alone); true when it did.
    /// </summary>
    public bool AdvanceToNextTimer(TimeSpan? within = null)
    {
        if (NextDue() is not { } due || (within is { } limit && due - GetUtcNow() > limit))
        {
            return false;
        }

        var step = due - GetUtcNow();
        Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
        return true;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Set(dueTime, period);
        lock (_gate)
        {
            _timers.Add(tracked);
        }

        tracked.Inner = base.CreateTimer(callback, state, dueTime, period);
        return tracked;
    }

    private void Forget(TrackedTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class TrackedTimer(TimerAwareClock clock) : ITimer
    {
        private DateTimeOffset? _due;
        private TimeSpan _period;

        public ITimer? Inner { get; set; }

        public void Set(TimeSpan dueTime, TimeSpan period)
        {
            _due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            _period = period;
        }

        /// <summary>The first firing after <paramref name="now"/> (a one-shot timer that fired has none).</summary>
        public DateTimeOffset? DueAfter(DateTimeOffset now)
        {
            if (_due is not { } due)
            {
                return null;
            }

            if (due > now)
            {
                return due;
            }

            if (_period <= TimeSpan.Zero || _period == Timeout.InfiniteTimeSpan)
            {
                return null;
            }

            var missed = (now - due).Ticks / _period.Ticks + 1;
            return due + TimeSpan.FromTicks(_period.Ticks * missed);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Set(dueTime, period);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock.Forget(this);
            Inner!.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            clock.Forget(this);
            return Inner!.DisposeAsync();
        }
    }
}
