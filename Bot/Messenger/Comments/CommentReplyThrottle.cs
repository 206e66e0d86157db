using ConversationBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Comments;

/// <summary>
/// Paces private replies to comments to <see cref="MessengerCommentOptions.CommentRepliesPerHour"/> in
/// any hour (Meta lists 750 private replies per hour per Page, docs/messenger-platform.md §10): a reply
/// that would be one too many waits until the oldest of the hour's replies is an hour old, for at most
/// <c>maxWait</c> (half the turn lease: a turn that waits longer could be taken over by another
/// instance, Bot/Messenger/Turns/MessengerInboxSweep.cs). A longer wait is a passing failure: the event
/// is tried again later like any turn whose store was down (Bot/Messenger/Turns/TurnRetrySchedule.cs)
/// and, when the hour stays full through every try, set aside with the reason for the operator, never
/// dropped in silence. Waiting holds only the commenter's own line of events; a crash while waiting
/// leaves the event unfinished and it is answered after the restart. The count is this instance's:
/// with several instances, give each its share (docs/messenger.md).
/// </summary>
public sealed class CommentReplyThrottle(IOptions<MessengerCommentOptions> options, TimeProvider clock)
{
    private readonly Queue<DateTimeOffset> _granted = new();
    private readonly Lock _lock = new();

    /// <summary>Waits until a reply may go, and counts it as gone; throws <see cref="TimeoutException"/> when that is more than <paramref name="maxWait"/> away.</summary>
    public async Task WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + maxWait;
        while (true)
        {
            var wait = TryTake();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            if (clock.GetUtcNow() + wait > deadline)
            {
                throw new TimeoutException($"{options.Value.CommentRepliesPerHour} private replies went out in the last hour (Messenger:CommentRepliesPerHour); this one is tried again later.");
            }

            await ClockDelay.AtLeastAsync(wait, clock, cancellationToken).ConfigureAwait(false);
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
