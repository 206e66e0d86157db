namespace ConversationBot.Notifications.Subscriptions;

/// <summary>
/// Channel ids the domain treats specially. Platform profiles apply to <see cref="Messenger"/> only
/// (the direct webhook and Graph API, architecture.md flow 3); every other Bot Framework channel id
/// ("emulator", "webchat", "msteams", ...) gets the topic's promise alone, except
/// <see cref="Facebook"/>: Azure Bot Service's Facebook channel is Messenger underneath, so the
/// 24-hour window binds it, but it carries no consent token (docs/messenger-platform.md §6).
/// </summary>
public static class ChannelIds
{
    public const string Messenger = "messenger";

    /// <summary>Azure Bot Service's Facebook channel.</summary>
    public const string Facebook = "facebook";

    public static bool IsMessenger(string? channelId) => string.Equals(channelId, Messenger, StringComparison.OrdinalIgnoreCase);

    public static bool IsFacebook(string? channelId) => string.Equals(channelId, Facebook, StringComparison.OrdinalIgnoreCase);
}
