namespace ConversationBot.Bot.Messenger;

public enum MessengerEventClaim
{
    /// <summary>New (or abandoned by a process that stopped mid-turn): run it.</summary>
    Claimed,

    /// <summary>Done before: a retry; skip it.</summary>
    AlreadyProcessed,

    /// <summary>Another request is running it right now; its outcome is not known yet.</summary>
    InProgress,
}
