namespace ConversationBot.Dialogs.Handoff;

public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>After this long without a release, the bot takes the conversation back by itself.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A hand-off's transcript is kept this long after its last line, then removed (Cosmos DB: the document's <c>ttl</c>; SQLite: the hourly clean-up).</summary>
    public TimeSpan TranscriptRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>An unclaimed hand-off older than this is marked unanswered in the desk's queue.</summary>
    public TimeSpan UnansweredAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Who answers a Messenger customer who asked for a person: the bot's own desk, or Meta's Page Inbox (docs/handoff.md).</summary>
    public MessengerHandoffDesk Messenger { get; init; } = MessengerHandoffDesk.Console;

    /// <summary>The Page Inbox's app id, which Meta gives every Page (the handover protocol's target).</summary>
    public string PageInboxAppId { get; init; } = "263902037430900";

    /// <summary>What another app's <c>request_thread_control</c> gets: the thread kept (logged) or passed.</summary>
    public ThreadControlRequestPolicy ThreadControlRequests { get; init; } = ThreadControlRequestPolicy.Keep;
}
