namespace ConversationBot.Notifications.OptIns;

/// <summary>
/// The Messenger page the platform's restrictions apply to (docs/messenger-platform.md §5). Opt-in
/// bars and send pauses are stored under its <see cref="Key"/>, whichever path learned them (an opt-in
/// request in a chat, a campaign send), so each path sees what the other learned.
/// </summary>
public sealed record MessengerPage
{
    /// <summary>The key when no page id is configured: the Send API's own alias for the token's page.</summary>
    public const string Unnamed = "me";

    public MessengerPage(string? pageId)
    {
        Key = string.IsNullOrWhiteSpace(pageId) ? Unnamed : pageId.Trim();
    }

    public string Key { get; }
}
