namespace ConversationBot.Dialogs.Engine;

/// <summary>What a customer can say anywhere in a conversation, whatever was asked.</summary>
public enum Interruption
{
    None,
    Help,
    Cancel,
    StartOver,

    /// <summary>"hi", "hallo": said while a question waits, it is greeted back, not called misunderstood.</summary>
    Greeting,
}
