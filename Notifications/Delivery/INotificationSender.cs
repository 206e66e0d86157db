using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Sends one campaign message to one subscription over its channel (Messenger's Send API with the
/// token, or a Bot Framework proactive message with the conversation reference). A refusal or a
/// transient failure is thrown as <see cref="Errors.PlatformRefusedException"/> carrying what the
/// platform said, time-outs included (<see cref="Errors.PlatformError.Timeout"/>), so the campaign
/// runner can classify it.
/// </summary>
public interface INotificationSender
{
    /// <summary>Whether this sender can reach the subscription (its channel and address).</summary>
    bool CanSend(Subscription subscription);

    /// <summary>
    /// Whether this sender can carry the subscription's message through <paramref name="product"/>
    /// (<c>null</c>: the channel's own way). A sender that knows no Marketing Messages refuses it, so such
    /// a delivery is recorded as having no sender rather than sent the wrong way.
    /// </summary>
    bool CanSend(Subscription subscription, MessengerProduct? product) =>
        product != MessengerProduct.MarketingMessages && CanSend(subscription);

    Task SendAsync(Subscription subscription, CampaignContent content, CancellationToken cancellationToken);

    /// <summary>
    /// Sends campaign <paramref name="campaignId"/> through <paramref name="product"/> (<c>null</c>: the
    /// channel's own way); only called when <see cref="CanSend(Subscription, MessengerProduct?)"/> said yes.
    /// </summary>
    async Task<SendReceipt> SendAsync(Subscription subscription, CampaignContent content, MessengerProduct? product, string campaignId, CancellationToken cancellationToken)
    {
        if (product == MessengerProduct.MarketingMessages)
        {
            throw new InvalidOperationException("This sender carries no Marketing Messages; CanSend said so.");
        }

        await SendAsync(subscription, content, cancellationToken).ConfigureAwait(false);
        return SendReceipt.None;
    }
}
