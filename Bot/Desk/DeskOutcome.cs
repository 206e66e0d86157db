using ConversationBot.Dialogs.Handoff;

namespace ConversationBot.Bot.Desk;

/// <summary>How a desk action ended.</summary>
public enum DeskOutcomeKind
{
    Done,

    /// <summary>No open hand-off in that conversation (released, timed out, never opened).</summary>
    NotFound,

    /// <summary>Another agent has it, or it must be claimed first.</summary>
    Conflict,

    /// <summary>The channel's rules allow no reply now; nothing was sent.</summary>
    Refused,

    /// <summary>The platform did not take the reply (classified; see the reason).</summary>
    Failed,
}

/// <summary>A desk action's outcome with the reason in words (the console shows it, the API answers with it) and the hand-off as it is now.</summary>
public sealed record DeskOutcome(DeskOutcomeKind Kind, string? Reason, Handoff? Handoff)
{
    public static DeskOutcome NotFound { get; } = new(DeskOutcomeKind.NotFound, "there is no open hand-off in this conversation", null);
}
