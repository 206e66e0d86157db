namespace ConversationBot.Bot.Messenger;

/// <summary>What claiming an event found: whether to run its turn, and the replies an earlier run of it already sent.</summary>
public sealed record MessengerEventTurn(MessengerEventClaim Claim, IReadOnlyList<string> SentReplies)
{
    public static MessengerEventTurn AlreadyProcessed { get; } = new(MessengerEventClaim.AlreadyProcessed, []);

    public static MessengerEventTurn InProgress { get; } = new(MessengerEventClaim.InProgress, []);

    public static MessengerEventTurn Claimed(IReadOnlyList<string> sentReplies) => new(MessengerEventClaim.Claimed, sentReplies);
}
