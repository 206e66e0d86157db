using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// The sender the campaign runner uses: hands each subscription to the first channel sender that can
/// reach it, and a Messenger token routed to Marketing Messages (<see cref="Notifications.Products.ProductRouter"/>)
/// to that product's sender: one pipeline, a choice of sender.
/// </summary>
public sealed class ChannelNotificationSender(
    MessengerNotificationSender messenger, BotFrameworkNotificationSender botFramework, MarketingMessagesNotificationSender marketingMessages) : INotificationSender
{
    public bool CanSend(Subscription subscription) => messenger.CanSend(subscription) || botFramework.CanSend(subscription);

    public bool CanSend(Subscription subscription, MessengerProduct? product) =>
        product == MessengerProduct.MarketingMessages ? marketingMessages.CanSend(subscription) : CanSend(subscription);

    public async Task<SendReceipt> SendAsync(Subscription subscription, CampaignContent content, MessengerProduct? product, string campaignId, CancellationToken cancellationToken)
    {
        if (product == MessengerProduct.MarketingMessages)
        {
            return await marketingMessages.SendAsync(subscription, content, campaignId, cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(subscription, content, cancellationToken).ConfigureAwait(false);
        return SendReceipt.None;
    }

    public Task SendAsync(Subscription subscription, CampaignContent content, CancellationToken cancellationToken) =>
        messenger.CanSend(subscription)
            ? messenger.SendAsync(subscription, content, cancellationToken)
            : botFramework.SendAsync(subscription, content, cancellationToken);
}
