namespace ConversationBot.Notifications.Window;

/// <summary>Where the last customer message per (channel, customer) is kept.</summary>
public interface IMessagingWindowStore
{
    /// <summary>The stored window, or <see cref="MessagingWindow.NeverOpened"/> when the customer never wrote.</summary>
    Task<MessagingWindow> GetAsync(string channelId, string customerId, CancellationToken cancellationToken);

    /// <summary>Stores the window; implementations keep the later of the stored and the given instant.</summary>
    Task SaveAsync(MessagingWindow window, CancellationToken cancellationToken);
}
