namespace ConversationBot.Dialogs.Handoff;

public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>After this long without a release, the bot takes the conversation back by itself.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A hand-off's transcript is kept this long after its last line, then removed (Cosmos DB: the document's <c>ttl</c>; SQLite: the hourly clean-up).</summary>
    public TimeSpan TranscriptRetention { get; init; } = TimeSpan.FromDays(30);
}
