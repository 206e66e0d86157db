namespace ConversationBot.Bench.Cost;

/// <summary>The customer turns of one host, by kind, and the conversation state's size after the five-turn dialog.</summary>
internal sealed class ChatCosts
{
    /// <summary>The Emulator's conversationUpdate when the chat opens: the welcome.</summary>
    public UnitCost Opened { get; } = new("conversation opened (welcome)");

    public UnitCost NewConversation { get; } = new("first turn of a new conversation");

    public UnitCost Steady { get; } = new("steady turn (5 s after the last)");

    public UnitCost Visit { get; } = new("turn more than a minute after the last");

    public UnitCost MyNotifications { get; } = new("\"my notifications\"");

    public UnitCost OptIn { get; } = new("opt-in accepted (Allow on the card)");

    /// <summary>
    /// The console's topic counts an instance gathered, written once per <c>Cosmos:TopicCountsFlushInterval</c>
    /// (Bot/Storage/Cosmos/BufferedTopicActivityStore.cs): one sample per flush that wrote, between the turns.
    /// </summary>
    public UnitCost CountsFlushed { get; } = new("topic counts flushed (an interval with activity)");

    /// <summary>Where the operations not yet given to a turn or a flush start.</summary>
    public int Unattributed { get; set; }

    /// <summary>The state document as stored (with Cosmos DB's system properties) after "hi", "order status", "10045", "2", "hours" (or the dialog's first <see cref="StateAfterTurns"/> of them).</summary>
    public long StateBytes { get; set; }

    public int StateAfterTurns { get; set; }

    public IEnumerable<UnitCost> Turns => new[] { Opened, NewConversation, Steady, Visit, MyNotifications, OptIn }.Where(u => u.Samples > 0);
}
