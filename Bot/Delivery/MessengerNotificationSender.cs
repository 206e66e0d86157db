using System.Threading.RateLimiting;
using ConversationBot.Bot.Messenger;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// Campaign messages to Messenger subscribers: the Send API with the subscription's
/// <c>notification_messages_token</c>, paced by a per-page rate limit (Meta limits calls per page).
/// Failures come back as <see cref="PlatformRefusedException"/>: Meta's error with Retry-After, or a
/// time-out, or no answer at all.
/// </summary>
public sealed class MessengerNotificationSender : INotificationSender, IDisposable
{
    private readonly MessengerSendClient _client;
    private readonly IOptions<MessengerOptions> _messenger;
    private readonly RateLimiter? _pageLimit;

    public MessengerNotificationSender(MessengerSendClient client, IOptions<MessengerOptions> messenger, IOptions<DeliveryHostOptions> delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        _client = client;
        _messenger = messenger;
        var perSecond = delivery.Value.MessengerSendsPerSecond;
        _pageLimit = perSecond <= 0 ? null : new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public bool CanSend(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.IsMessenger && subscription.Token is not null && _messenger.Value.IsEnabled;
    }

    public async Task SendAsync(Subscription subscription, CampaignContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (_pageLimit is not null)
        {
            using var permit = await _pageLimit.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await _client.SendWithTokenAsync(subscription.Token!, MessengerCampaignMessage.Build(content), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new PlatformRefusedException("The Send API did not answer.", TransportFailure.Of(ex));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own time-out, not ours: the platform may or may not have the message.
            throw new PlatformRefusedException("The Send API timed out.", PlatformError.Timeout() with { Body = ex.Message });
        }
    }

    public void Dispose() => _pageLimit?.Dispose();
}
