using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Bot.Delivery;

/// <summary>The sender the campaign runner uses: hands each subscription to the first channel sender that can reach it.</summary>
public sealed class ChannelNotificationSender(MessengerNotificationSender messenger, BotFrameworkNotificationSender botFramework) : INotificationSender
{
    public bool CanSend(Subscription subscription) => messenger.CanSend(subscription) || botFramework.CanSend(subscription);

    public Task SendAsync(Subscription subscription, CampaignContent content, CancellationToken cancellationToken) =>
        messenger.CanSend(subscription)
            ? messenger.SendAsync(subscription, content, cancellationToken)
            : botFramework.SendAsync(subscription, content, cancellationToken);
}
