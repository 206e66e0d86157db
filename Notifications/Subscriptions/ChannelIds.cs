namespace ConversationBot.Notifications.Subscriptions;

/// <summary>
/// Channel ids the domain treats specially. Platform profiles apply to <see cref="Messenger"/> only
/// (the direct webhook and Graph API, architecture.md flow 3); every other Bot Framework channel id
/// ("emulator", "webchat", "msteams", ...) gets the topic's promise alone.
/// </summary>
public static class ChannelIds
{
    public const string Messenger = "messenger";

    public static bool IsMessenger(string? channelId) => string.Equals(channelId, Messenger, StringComparison.OrdinalIgnoreCase);
}
