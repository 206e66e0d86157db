using ConversationBot.Notifications.Window;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.OptIns;

/// <summary>
/// The one predicate "the customer wrote to us", which opens (or keeps open) Messenger's 24-hour
/// window (docs/messenger-platform.md §6): a message, typed or a button pressed, but not the answer
/// to an opt-in card, because accepting an opt-in does not open the window. Every channel's turns
/// stamp the window with it (Bot/Conversation/WindowStamp.cs), the Messenger adapter lets a turn reply
/// without looking the window up only when it holds, and an offer decided in such a turn takes the
/// window from the turn instead of the store (<see cref="WindowOf"/>).
/// </summary>
public static class CustomerMessage
{
    public static bool OpensWindow(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type == ActivityTypes.Message && !ConsentCommands.IsOptInAnswer(activity);
    }

    /// <summary>When the customer wrote: the channel's timestamp, unless it is ahead of our clock, which must not stretch the window.</summary>
    public static DateTimeOffset WrittenAt(IActivity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Timestamp is { } sent && sent < now ? sent : now;
    }

    /// <summary>
    /// The customer's window as this turn proves it, when the customer wrote in it: open from this message on.
    /// The stored window can only say the same or, when another instance saw a later message, close a moment
    /// later; <c>null</c> when the turn proves nothing (an opt-in answer, an event), and the store is asked.
    /// </summary>
    public static MessagingWindow? WindowOf(IActivity activity, DateTimeOffset now) =>
        OpensWindow(activity) ? MessagingWindow.Restore(activity.ChannelId, activity.From.Id, WrittenAt(activity, now)) : null;
}
