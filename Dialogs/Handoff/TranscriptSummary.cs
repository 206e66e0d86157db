namespace ConversationBot.Dialogs.Handoff;

/// <summary>A kept transcript as the console lists it: whose, where, and when the customer asked for a person (which, with the conversation, names the hand-off).</summary>
public sealed record TranscriptSummary(string ChannelId, string ConversationId, string CustomerId, DateTimeOffset HandoffAt)
{
    /// <summary>The hand-off the transcript belongs to, to read it by (<see cref="IHandoffTranscriptStore.ReadAsync"/>); only its key is known.</summary>
    public Handoff Handoff() => new(ChannelId, ConversationId, CustomerId, HandoffAt, HandoffAt);
}
