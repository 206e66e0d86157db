namespace ConversationBot.Notifications.Subscriptions;

/// <summary>Stores keep instants to the millisecond: an instant written and read back is the one written when within it.</summary>
internal static class StoredInstant
{
    public static bool Same(DateTimeOffset stored, DateTimeOffset written) => (stored - written).Duration() < TimeSpan.FromMilliseconds(1);
}
