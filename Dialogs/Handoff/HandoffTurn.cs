using Microsoft.Bot.Builder;

namespace ConversationBot.Dialogs.Handoff;

/// <summary>
/// Tells the turn around the dialogs that a hand-off was opened in it, through the turn's own state
/// bag, so the host can remember in the conversation's state that a person may have it
/// (Bot/Conversation/HandoffGate.cs) and skip the hand-off store on every other turn.
/// </summary>
public static class HandoffTurn
{
    private const string OpenedKey = "ConversationBot.Handoff.Opened";
    private const string HeldElsewhereKey = "ConversationBot.Handoff.ThreadHeldElsewhere";

    /// <summary>
    /// The channel's thread is held by another app in this turn (Messenger's Page Inbox: the message came
    /// on the standby channel), so the bot may not reply: the dialogs answer only what is honoured during a
    /// hand-off (a stop is still applied) and the adapter sends nothing until the thread is taken back.
    /// </summary>
    public static void MarkThreadHeldElsewhere(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[HeldElsewhereKey] = true;
    }

    /// <summary>The bot took the thread back in this turn: its replies go out again.</summary>
    public static void MarkThreadTakenBack(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(HeldElsewhereKey);
    }

    public static bool IsThreadHeldElsewhere(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(HeldElsewhereKey, out var held) && held is true;
    }

    public static void MarkOpened(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[OpenedKey] = true;
    }

    public static bool WasOpened(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(OpenedKey, out var opened) && opened is true;
    }
}
