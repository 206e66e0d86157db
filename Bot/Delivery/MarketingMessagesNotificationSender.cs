using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// Campaign messages through Meta's Marketing Messages API (docs/marketing-messages.md §3): the campaign's
/// Meta campaign (<see cref="MetaCampaigns"/>), the subscription token and the same message object the
/// Send API gets (<see cref="MessengerCampaignMessage"/>). Its answer is "accepted", with the tracking id
/// the delivery webhooks name, which is also the first status of the message's outcome
/// (<see cref="MarketingMessageOutcomes"/>). Failures come back as <see cref="PlatformRefusedException"/> marked as
/// Marketing Messages calls, time-outs as "may have arrived" (never sent again).
/// </summary>
public sealed class MarketingMessagesNotificationSender(
    MarketingMessagesClient client, MetaCampaigns campaigns, MarketingMessageOutcomes outcomes, TimeProvider clock, IOptions<MessengerOptions> messenger)
{
    public bool CanSend(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.IsMessenger && subscription.Token is not null && messenger.Value.MarketingMessages.IsEnabled;
    }

    public async Task<SendReceipt> SendAsync(Subscription subscription, CampaignContent content, string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        string metaCampaign;
        try
        {
            metaCampaign = await campaigns.EnsureAsync(campaignId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No message went out while the campaign was looked up or created, and creating is found again by name: safe to try again.
            throw new PlatformRefusedException("The Meta campaign could not be found or created.", PlatformError.Unreachable(ex.Message) with { Product = MessengerProduct.MarketingMessages });
        }

        string? tracking;
        try
        {
            tracking = await client.SendAsync(metaCampaign, subscription.Token!, MessengerCampaignMessage.Build(content), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new PlatformRefusedException("The Marketing Messages API did not answer.", TransportFailure.Of(ex) with { Product = MessengerProduct.MarketingMessages });
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PlatformRefusedException("The Marketing Messages API timed out.", PlatformError.Timeout() with { Body = ex.Message, Product = MessengerProduct.MarketingMessages });
        }

        // Not the campaign's token: the message is out, and what is known of it should be kept even while stopping.
        await outcomes.AcceptedAsync(campaignId, metaCampaign, subscription.Token!, tracking, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        return new SendReceipt(tracking);
    }
}
