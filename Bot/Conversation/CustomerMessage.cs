using ConversationBot.Dialogs.OptIns;
using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// The one predicate "the customer wrote to us", which opens (or keeps open) Messenger's 24-hour
/// window (docs/messenger-platform.md §6): a message, typed or a button pressed, but not the answer
/// to an opt-in card, because accepting an opt-in does not open the window. Every channel's turns
/// stamp the window with it, and the Messenger adapter lets a turn reply without looking the window
/// up only when it holds.
/// </summary>
public static class CustomerMessage
{
    public static bool OpensWindow(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type == ActivityTypes.Message && !ConsentCommands.IsOptInAnswer(activity);
    }
}
