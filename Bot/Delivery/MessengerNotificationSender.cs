using ConversationBot.Bot.Delivery.Rate;
using ConversationBot.Bot.Messenger;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// Campaign messages to Messenger subscribers: the Send API with the subscription's
/// <c>notification_messages_token</c>, paced by the Page's one send rate for the whole fleet
/// (<see cref="FleetSendRate"/>: Meta limits calls per Page, not per instance).
/// Failures come back as <see cref="PlatformRefusedException"/>: Meta's error with Retry-After, or a
/// time-out, or no answer at all.
/// </summary>
public sealed class MessengerNotificationSender(MessengerSendClient client, IOptions<MessengerOptions> messenger, FleetSendRate rate) : INotificationSender
{
    public bool CanSend(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.IsMessenger && subscription.Token is not null && messenger.Value.IsEnabled;
    }

    public async Task SendAsync(Subscription subscription, CampaignContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await rate.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.SendWithTokenAsync(subscription.Token!, MessengerCampaignMessage.Build(content), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformRefusedException refused) when (PlatformErrorClassifier.IsRateLimit(refused.Error))
        {
            await rate.SlowDownAsync(refused.Error.RetryAfter, CancellationToken.None).ConfigureAwait(false);
            throw;
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
}
