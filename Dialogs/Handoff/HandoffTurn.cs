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
