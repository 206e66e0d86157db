namespace ConversationBot.Dialogs.Handoff;

/// <summary>Who said a line of a hand-off's transcript.</summary>
public enum TranscriptAuthor
{
    Customer,
    Bot,
    Agent,
}

/// <summary>
/// One line of a hand-off's transcript: what the customer, the bot or an agent said, and when.
/// <see cref="BeforeHandoff"/> marks the lines from before the customer asked for a person (the
/// context the desk shows first). <see cref="Note"/> says what became of an agent's line that did
/// not reach the customer (refused by the channel's rules, failed at the platform).
/// </summary>
public sealed record TranscriptEntry(DateTimeOffset At, TranscriptAuthor Author, string Text)
{
    /// <summary>Longer texts are cut to this in the transcript (a customer's pasted essay stays readable and a document stays small).</summary>
    public const int MaxTextLength = 2000;

    public bool BeforeHandoff { get; init; }

    /// <summary>The agent's name on an agent's line.</summary>
    public string? AgentName { get; init; }

    public string? Note { get; init; }

    /// <summary>The entry with its text cut to <see cref="MaxTextLength"/>.</summary>
    public TranscriptEntry Bounded() => Text.Length <= MaxTextLength ? this : this with { Text = Text[..MaxTextLength] };
}
