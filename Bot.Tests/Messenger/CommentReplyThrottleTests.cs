using ConversationBot.Bot.Messenger.Comments;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>
/// Private replies are paced to the configured number in any hour (Bot/Messenger/Comments/CommentReplyThrottle.cs):
/// the one too many waits, and when the wait would be longer than allowed it fails as a passing failure
/// (its event is tried again later), never dropped.
/// </summary>
public sealed class CommentReplyThrottleTests
{
    [Fact]
    public async Task The_reply_one_over_the_hourly_limit_waits_until_the_first_of_the_hour_is_an_hour_old()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
        var throttle = new CommentReplyThrottle(Options.Create(new MessengerCommentOptions { CommentRepliesPerHour = 2 }), clock);

        await throttle.WaitAsync(TimeSpan.FromHours(1), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(10));
        await throttle.WaitAsync(TimeSpan.FromHours(1), CancellationToken.None);
        var third = throttle.WaitAsync(TimeSpan.FromHours(1), CancellationToken.None);
        var fourth = throttle.WaitAsync(TimeSpan.FromHours(1), CancellationToken.None);
        Task[] both = [third, fourth];

        // The first reply of the hour is an hour old at 01:30: one of the two waiting may go then (which
        // one is not promised), the other when the second is an hour old, at 01:40.
        clock.Advance(TimeSpan.FromMinutes(49));
        Assert.DoesNotContain(both, t => t.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAny(both).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, both.Count(t => t.IsCompleted));
        clock.Advance(TimeSpan.FromMinutes(10));
        await Task.WhenAll(both).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_wait_ends_when_the_reply_is_no_longer_wanted()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
        var throttle = new CommentReplyThrottle(Options.Create(new MessengerCommentOptions { CommentRepliesPerHour = 1 }), clock);
        await throttle.WaitAsync(TimeSpan.FromHours(1), CancellationToken.None);
        using var stopping = new CancellationTokenSource();

        var waiting = throttle.WaitAsync(TimeSpan.FromHours(1), stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_is_a_passing_failure_that_counts_nothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
        var throttle = new CommentReplyThrottle(Options.Create(new MessengerCommentOptions { CommentRepliesPerHour = 1 }), clock);
        await throttle.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<TimeoutException>(() => throttle.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.True(ConversationBot.Bot.Messenger.Turns.MessengerTurnRunner.IsPassing(refused));

        // 20 seconds before the hour is over, the wait fits in the 30 seconds allowed.
        clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(40));
        var allowed = throttle.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.False(allowed.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(20));
        await allowed.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
