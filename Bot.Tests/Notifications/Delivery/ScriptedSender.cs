using System.Collections.Concurrent;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Tests.Notifications.Delivery;

/// <summary>
/// A sender that records every attempt and answers from a script per customer: the next scripted
/// error for that customer, or success. <see cref="BeforeSend"/> runs before each attempt (to stop
/// the host or cancel the campaign mid-page).
/// </summary>
public sealed class ScriptedSender : INotificationSender
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<PlatformError>> _script = new(StringComparer.Ordinal);
    private int _attempts;

    public ConcurrentQueue<(string CustomerId, string Text)> Delivered { get; } = new();

    public int Attempts => _attempts;

    public Func<int, Task>? BeforeSend { get; set; }

    public ISet<string> UnreachableChannels { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether this sender also carries Marketing Messages (off: as a host without them).</summary>
    public bool CarriesMarketingMessages { get; set; }

    /// <summary>Every message that went out, with the product it went through.</summary>
    public ConcurrentQueue<(string CustomerId, MessengerProduct? Product)> DeliveredThrough { get; } = new();

    /// <summary>Every attempt, with the product it was made through.</summary>
    public ConcurrentQueue<(string CustomerId, MessengerProduct? Product)> Tried { get; } = new();

    public void Fail(string customerId, params PlatformError[] errors)
    {
        var queue = _script.GetOrAdd(customerId, _ => new ConcurrentQueue<PlatformError>());
        foreach (var error in errors)
        {
            queue.Enqueue(error);
        }
    }

    public int DeliveredTo(string customerId) => Delivered.Count(d => d.CustomerId == customerId);

    public bool CanSend(Subscription subscription) => !UnreachableChannels.Contains(subscription.ChannelId);

    public bool CanSend(Subscription subscription, MessengerProduct? product) =>
        (product != MessengerProduct.MarketingMessages || CarriesMarketingMessages) && CanSend(subscription);

    public Task SendAsync(Subscription subscription, CampaignContent content, CancellationToken cancellationToken) =>
        SendAsync(subscription, content, null, "campaign", cancellationToken);

    public async Task<SendReceipt> SendAsync(Subscription subscription, CampaignContent content, MessengerProduct? product, string campaignId, CancellationToken cancellationToken)
    {
        Tried.Enqueue((subscription.CustomerId, product));
        var attempt = Interlocked.Increment(ref _attempts);
        if (BeforeSend is { } before)
        {
            await before(attempt);
        }

        if (_script.TryGetValue(subscription.CustomerId, out var queue) && queue.TryDequeue(out var error))
        {
            throw new PlatformRefusedException($"scripted: {error}", error);
        }

        Delivered.Enqueue((subscription.CustomerId, content.Text));
        DeliveredThrough.Enqueue((subscription.CustomerId, product));
        return product == MessengerProduct.MarketingMessages ? new SendReceipt($"tracking-{subscription.CustomerId}") : SendReceipt.None;
    }
}
