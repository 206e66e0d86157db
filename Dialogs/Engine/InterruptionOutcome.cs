namespace ConversationBot.Dialogs.Engine;

/// <summary>
/// What follows an interruption (<see cref="Kind"/>), and the answer the <see cref="DialogRunner"/>
/// says for it when the answer and the pending question belong together: a menu's buttons then come
/// back on the answer itself instead of the question being asked twice in a row.
/// </summary>
public sealed record InterruptionOutcome(InterruptionKind Kind, string? Answer = null)
{
    public static InterruptionOutcome Answered { get; } = new(InterruptionKind.Answered);

    public static InterruptionOutcome Reprompt { get; } = new(InterruptionKind.Reprompt);

    public static InterruptionOutcome RepromptOrStartRoot { get; } = new(InterruptionKind.RepromptOrStartRoot);

    public static InterruptionOutcome StartRoot { get; } = new(InterruptionKind.StartRoot);

    public static InterruptionOutcome RunRoot { get; } = new(InterruptionKind.RunRoot);

    public static InterruptionOutcome HandoffEnded { get; } = new(InterruptionKind.HandoffEnded);

    /// <summary>Says <paramref name="answer"/>, then brings the pending question back (<see cref="Dialog.RepromptAfterAsync"/>).</summary>
    public static InterruptionOutcome AnswerThenReprompt(string answer) => new(InterruptionKind.Reprompt, answer);
}
