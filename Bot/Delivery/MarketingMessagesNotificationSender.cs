using ConversationBot.Bot.Delivery.Rate;
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
/// Each send takes its slot of the Page's one send rate for the whole fleet, the same schedule as the Send API's
/// (<see cref="FleetSendRate"/>, <c>Delivery:MessengerSendsPerSecond</c>): Meta states no send rate for this API,
/// only that one exists (2300078), so the setting caps what the Page sends in total through either product, and a
/// rate limit answered here holds back every instance's sends for the Page, as one answered to a Send API call does.
/// </summary>
public sealed class MarketingMessagesNotificationSender(
    MarketingMessagesClient client, MetaCampaigns campaigns, MarketingMessageOutcomes outcomes, TimeProvider clock, IOptions<MessengerOptions> messenger, FleetSendRate rate)
{
    /// <summary>Meta's "send rate limit" of this API (docs/marketing-messages.md §3).</summary>
    private const int SendRateLimit = 2300078;

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
        await rate.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            tracking = await client.SendAsync(metaCampaign, subscription.Token!, MessengerCampaignMessage.Build(content), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformRefusedException refused) when (SlowsThePage(refused.Error))
        {
            // Meta names its wait in error_data.remaining_seconds here; Graph's throttling in Retry-After.
            await rate.SlowDownAsync(refused.Error.Remaining ?? refused.Error.RetryAfter, CancellationToken.None).ConfigureAwait(false);
            throw;
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

    /// <summary>Meta's send rate limit (2300078, in <c>code</c> or <c>error_subcode</c>) or Graph's own throttling (HTTP 429, codes 4, 17, 32, 613).</summary>
    private static bool SlowsThePage(PlatformError error) =>
        MarketingMessagesErrors.NumberOf(error) == SendRateLimit || PlatformErrorClassifier.IsRateLimit(error);
}
