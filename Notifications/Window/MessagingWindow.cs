namespace ConversationBot.Notifications.Window;

/// <summary>
/// Messenger's standard messaging window for one (channel, customer): open for 24 hours after the
/// customer's last message, closed from exactly 24 hours on (docs/messenger-platform.md §1-2, §6). Opt-in
/// requests may only go inside it.
/// Only <see cref="RecordCustomerMessage"/> moves it, and the host calls it only for inbound
/// customer messages: there is deliberately no way to open the window from an opt-in acceptance,
/// an echo or the bot's own message, because Messenger does not count those (architecture.md flow 1).
/// </summary>
public sealed class MessagingWindow
{
    /// <summary>The standard messaging window (docs/messenger-platform.md §2).</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    private MessagingWindow(string channelId, string customerId, DateTimeOffset? lastCustomerMessageAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ChannelId = channelId;
        CustomerId = customerId;
        LastCustomerMessageAt = lastCustomerMessageAt;
    }

    public string ChannelId { get; }

    public string CustomerId { get; }

    public DateTimeOffset? LastCustomerMessageAt { get; private set; }

    /// <summary>The first instant the window is closed; <c>null</c> when the customer never wrote.</summary>
    public DateTimeOffset? ClosesAt => LastCustomerMessageAt + Length;

    /// <summary>A window for a customer who has not written yet: closed.</summary>
    public static MessagingWindow NeverOpened(string channelId, string customerId) => new(channelId, customerId, null);

    /// <summary>Rehydrates a stored window.</summary>
    public static MessagingWindow Restore(string channelId, string customerId, DateTimeOffset? lastCustomerMessageAt) =>
        new(channelId, customerId, lastCustomerMessageAt);

    /// <summary>
    /// The customer wrote at <paramref name="at"/> (a text, quick reply, postback, attachment). Only
    /// moves forward, so a late-delivered older message cannot shorten the window.
    /// </summary>
    public void RecordCustomerMessage(DateTimeOffset at)
    {
        if (LastCustomerMessageAt is null || at > LastCustomerMessageAt)
        {
            LastCustomerMessageAt = at;
        }
    }

    /// <summary>Open iff <paramref name="now"/> &lt; last customer message + 24 h.</summary>
    public bool IsOpenAt(DateTimeOffset now) => ClosesAt is { } closes && now < closes;
}
