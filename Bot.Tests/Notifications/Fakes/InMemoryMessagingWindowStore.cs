using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Tests.Notifications.Fakes;

public sealed class InMemoryMessagingWindowStore : IMessagingWindowStore
{
    private readonly Dictionary<(string, string), DateTimeOffset?> _last = [];

    public Task<MessagingWindow> GetAsync(string channelId, string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(MessagingWindow.Restore(channelId, customerId, _last.GetValueOrDefault((channelId, customerId))));

    public Task SaveAsync(MessagingWindow window, CancellationToken cancellationToken)
    {
        var key = (window.ChannelId, window.CustomerId);
        var stored = _last.GetValueOrDefault(key);
        if (stored is null || window.LastCustomerMessageAt > stored)
        {
            _last[key] = window.LastCustomerMessageAt;
        }

        return Task.CompletedTask;
    }
}
