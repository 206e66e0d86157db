namespace ConversationBot.Dialogs.Engine;

/// <summary>Tells the root dialog why it starts: fresh (after the welcome), because of a message it may already answer, or again after a finished task.</summary>
public enum RootStart
{
    Fresh,
    FromMessage,

    /// <summary>The previous task is done; the root asks what else it can do.</summary>
    Again,
}
