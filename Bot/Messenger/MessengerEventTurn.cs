namespace ConversationBot.Bot.Messenger;

/// <summary>
/// What claiming an event found: whether to run its turn, the replies an earlier run of it already
/// sent, and how many times it has been claimed (this one included), so a turn that keeps failing
/// can be set aside instead of tried forever.
/// </summary>
public sealed record MessengerEventTurn(MessengerEventClaim Claim, IReadOnlyList<string> SentReplies, int Attempts = 1)
{
    public static MessengerEventTurn AlreadyProcessed { get; } = new(MessengerEventClaim.AlreadyProcessed, [], 0);

    public static MessengerEventTurn InProgress { get; } = new(MessengerEventClaim.InProgress, [], 0);

    public static MessengerEventTurn Claimed(IReadOnlyList<string> sentReplies, int attempts) => new(MessengerEventClaim.Claimed, sentReplies, attempts);
}
