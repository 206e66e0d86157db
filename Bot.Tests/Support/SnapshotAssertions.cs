using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Support;

public static class SnapshotAssertions
{
    /// <summary>
    /// Every field equal, the consent history entry by entry (a record compares its list by reference, and a
    /// stored subscription comes back with a list of its own).
    /// </summary>
    public static void SameSubscription(SubscriptionSnapshot expected, SubscriptionSnapshot actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected with { History = null }, actual with { History = null });
        Assert.Equal(expected.History ?? [], actual.History ?? []);
    }
}
