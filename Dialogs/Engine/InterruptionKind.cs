namespace ConversationBot.Dialogs.Engine;

/// <summary>What follows an interruption's answer.</summary>
public enum InterruptionKind
{
    /// <summary>Nothing more: the answer stands alone (and the pending question still waits).</summary>
    Answered,

    /// <summary>The pending question, if any, is asked again.</summary>
    Reprompt,

    /// <summary>The pending question is asked again; with none, the root dialog starts afresh.</summary>
    RepromptOrStartRoot,

    /// <summary>The root dialog starts afresh (the interruption has cleared the stack).</summary>
    StartRoot,

    /// <summary>The root dialog starts with this message, which it answers (the interruption has cleared the stack).</summary>
    RunRoot,

    /// <summary>The customer ended the hand-off: the root dialog starts afresh, as it would without one.</summary>
    HandoffEnded,
}
