namespace ConversationBot.Dialogs.Engine;

/// <summary>What a customer can say anywhere in a conversation, whatever was asked.</summary>
public enum Interruption
{
    None,
    Help,
    Cancel,
    StartOver,
}
