using ConversationBot.Bot.Messenger.Comments;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Messenger;

/// <summary>Private replies are paced to the configured number in any hour (Bot/Messenger/Comments/CommentReplyThrottle.cs): the one too many waits, it is not dropped.</summary>
public sealed class CommentReplyThrottleTests
{
    [Fact]
    public async Task The_reply_one_over_the_hourly_limit_waits_until_the_first_of_the_hour_is_an_hour_old()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
        var throttle = new CommentReplyThrottle(Options.Create(new MessengerCommentOptions { CommentRepliesPerHour = 2 }), clock);

        await throttle.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(10));
        await throttle.WaitAsync(CancellationToken.None);
        var third = throttle.WaitAsync(CancellationToken.None);
        var fourth = throttle.WaitAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(49));
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(10));
        await fourth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_wait_ends_when_the_reply_is_no_longer_wanted()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
        var throttle = new CommentReplyThrottle(Options.Create(new MessengerCommentOptions { CommentRepliesPerHour = 1 }), clock);
        await throttle.WaitAsync(CancellationToken.None);
        using var stopping = new CancellationTokenSource();

        var waiting = throttle.WaitAsync(stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
