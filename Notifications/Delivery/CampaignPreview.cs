using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Timing;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// What a campaign would do, without sending or storing anything: walks the topic's active subscribers
/// as the fan-out does (keyset pages of <see cref="DeliveryOptions.PageSize"/>), keeps the draft's
/// segment, and asks each one the campaign's own question (<see cref="RecipientDecision"/>, the one
/// <see cref="Eligibility.EligibilityPolicy"/>) at the send time. A subscriber no sender reaches is
/// counted as <see cref="DeliveryReasons.NoSender"/>, as the campaign records it; one whose message is due
/// later (<see cref="RecipientTiming"/>: their local time, the end of their quiet hours) as
/// <c>WaitingForLocalTime</c> or <c>WaitingForQuietHours</c> with the instant it is due. Each one who may get
/// it is counted by the product that would carry it (<see cref="RecipientDecision.DecideRouteAsync"/>, the router the campaign uses).
/// </summary>
public sealed class CampaignPreview(
    ISubscriptionStore subscriptions,
    IPageStatusStore pages,
    MessengerPage messengerPage,
    RecipientDecision recipients,
    INotificationSender sender,
    SubscriberLanguages languages,
    RecipientTiming timing,
    DeliveryOptions options,
    TimeProvider clock)
{
    public async Task<CampaignPreviewFigures> RunAsync(CampaignDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.TopicId);
        var now = clock.GetUtcNow();
        var at = draft.SendAt is { } sendAt && sendAt > now ? sendAt : now;
        var page = await pages.GetAsync(messengerPage.Key, cancellationToken).ConfigureAwait(false);
        var figures = new CampaignPreviewFigures.Builder(at);
        string? continuation = null;
        do
        {
            var batch = await subscriptions.ListActiveByTopicAsync(draft.TopicId, continuation, options.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var subscription in batch.Subscriptions.Where(s => draft.Segment.Includes(s, languages)))
            {
                if (recipients.OnlyMarketingMessagesCouldServe(subscription))
                {
                    figures.OnlyMarketingMessagesCouldServe();
                }

                var language = languages.Of(subscription.Language);
                var due = timing.For(at, draft.LocalTime, draft.IgnoresQuietHours, subscription.TimeZoneId);
                if (due.IsWaitingAt(at))
                {
                    figures.NotEligible(language, subscription.ChannelId, $"WaitingFor{due.Reason}", due.DueAt);
                    continue;
                }

                var (decision, route) = await recipients.DecideRouteAsync(subscription, at, page, cancellationToken).ConfigureAwait(false);
                if (!decision.IsEligible)
                {
                    figures.NotEligible(language, subscription.ChannelId, decision.Reason!.Value.ToString(), decision.NextEligibleAt);
                }
                else if (!sender.CanSend(subscription, route.Product))
                {
                    figures.NotEligible(language, subscription.ChannelId, DeliveryReasons.NoSender, null);
                }
                else
                {
                    figures.Eligible(language, subscription.ChannelId, route.Product?.ToString() ?? CampaignPreviewFigures.Channel);
                }
            }

            continuation = batch.Continuation;
        }
        while (continuation is not null);

        return figures.Build();
    }
}
