namespace ConversationBot.Dialogs.Engine;

public enum DialogTurnStatus
{
    /// <summary>No dialog is active any more.</summary>
    Empty,

    /// <summary>A dialog asked something and waits for the customer's next message.</summary>
    Waiting,

    /// <summary>The dialog on top ended and handed its result to the one below.</summary>
    Complete,
}
