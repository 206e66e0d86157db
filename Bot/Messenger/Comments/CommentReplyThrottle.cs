using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Comments;

/// <summary>
/// Paces private replies to comments to <see cref="MessengerCommentOptions.CommentRepliesPerHour"/> in
/// any hour (Meta lists 750 private replies per hour per Page, docs/messenger-platform.md §10): a reply
/// that would be one too many waits until the oldest of the hour's replies is an hour old. A viral post
/// then gets its replies spread over the hours instead of refused. Waiting holds only the commenter's
/// own line of events (Bot/Messenger/Turns/MessengerTurnQueue.cs); a crash while waiting leaves the
/// event unfinished and it is answered after the restart. The count is this instance's: with several
/// instances, give each its share (docs/messenger.md).
/// </summary>
public sealed class CommentReplyThrottle(IOptions<MessengerCommentOptions> options, TimeProvider clock)
{
    private readonly Queue<DateTimeOffset> _granted = new();
    private readonly Lock _lock = new();

    /// <summary>Waits until a reply may go, and counts it as gone.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Zero when a reply was granted now; otherwise how long until the next may be.</summary>
    private TimeSpan TryTake()
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            while (_granted.TryPeek(out var oldest) && now - oldest >= TimeSpan.FromHours(1))
            {
                _granted.Dequeue();
            }

            if (_granted.Count < options.Value.CommentRepliesPerHour)
            {
                _granted.Enqueue(now);
                return TimeSpan.Zero;
            }

            return _granted.Peek() + TimeSpan.FromHours(1) - now;
        }
    }
}
