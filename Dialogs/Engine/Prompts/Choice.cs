namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>One option of a choice prompt: a stable value, the title the customer sees, and other words that mean it.</summary>
/// <param name="Title">The button's title: short (at most <see cref="MaxTitleLength"/> characters), because clients clip longer ones.</param>
public sealed record Choice(string Value, string Title, IReadOnlyList<string> Synonyms)
{
    /// <summary>The longest suggested action or quick reply title that every client shows whole (Messenger cuts at 20).</summary>
    public const int MaxTitleLength = 20;

    /// <summary>
    /// What pressing the button says in the conversation, in full ("Opening hours &amp; contact" for
    /// the button "Hours &amp; contact"); null when it is the title. It is the suggested action's value,
    /// so the transcript keeps the whole meaning, and it is understood as an answer like the title.
    /// </summary>
    public string? Meaning { get; init; }

    /// <summary>The suggested action's value: <see cref="Meaning"/>, or the title.</summary>
    public string Said => Meaning ?? Title;
}
