namespace ConversationBot.Bot.Messenger.Turns;

/// <summary>What running one event's turn came to, for the sender's line of events.</summary>
public enum TurnOutcome
{
    /// <summary>Done, done before, or set aside: the sender's next event may run.</summary>
    Finished,

    /// <summary>Another host holds it: leave the sender's events to that host (or to the take-over once its lease runs out).</summary>
    HeldElsewhere,

    /// <summary>It could not run for a passing reason and was given back: try it again later, the sender's next events after it.</summary>
    RetryLater,
}
