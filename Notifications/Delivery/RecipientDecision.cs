using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Whether one subscriber may get a campaign message at an instant: the one question both a campaign's
/// page (<see cref="CampaignPageWork"/>) and its preview (<see cref="CampaignPreview"/>) ask, so the
/// preview's counts are what the campaign then does. Messenger underneath Azure Bot Service (the
/// <c>facebook</c> channel, no token) needs the customer's 24-hour window; everything else is the
/// <see cref="EligibilityPolicy"/>'s, judged by the rule of the product the message would take
/// (<see cref="ProductRouter"/>), so a subscriber nothing reaches is a skip with its reason.
/// </summary>
public sealed class RecipientDecision(IMessagingWindowStore windows, TopicCatalog topics, EligibilityPolicy eligibility)
{
    private readonly ProductRouter _router = new(eligibility.Reach);

    /// <param name="subscription">The subscriber.</param>
    /// <param name="now">The instant of the intended send.</param>
    /// <param name="page">The page's platform status; <c>null</c> where the caller handles a paused page itself (a campaign is put off as a whole).</param>
    /// <param name="cancellationToken">Cancels the window look-up.</param>
    public async Task<SendEligibility> DecideAsync(Subscription subscription, DateTimeOffset now, PageStatus? page, CancellationToken cancellationToken) =>
        (await DecideRouteAsync(subscription, now, page, cancellationToken).ConfigureAwait(false)).Eligibility;

    /// <summary>As <see cref="DecideAsync"/>, with the product the message would go through and why.</summary>
    public async Task<RoutedEligibility> DecideRouteAsync(Subscription subscription, DateTimeOffset now, PageStatus? page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var route = _router.Choose(subscription);
        if (ChannelIds.IsFacebook(subscription.ChannelId)
            && !(await windows.GetAsync(subscription.ChannelId, subscription.CustomerId, cancellationToken).ConfigureAwait(false)).IsOpenAt(now))
        {
            // Messenger underneath, without a token: nothing may go out after 24 hours of silence.
            return new(SendEligibility.NotEligible(NotEligibleReason.MessagingWindowClosed), route);
        }

        topics.TryGet(subscription.TopicId, out var topic);
        var verdict = eligibility.Evaluate(subscription, topic, now, page, route.Product);
        if (verdict.IsEligible && !route.CanSend)
        {
            // Stops, expiries and the topic's promise are reported first; only a subscriber who could get it otherwise is "no product".
            verdict = SendEligibility.NotEligible(NotEligibleReason.NoProductServesRegion);
        }

        return new(verdict, route);
    }

    /// <summary>The product for this subscriber now (after a refusal it may differ from the one decided first).</summary>
    public ProductRoute Route(Subscription subscription) => _router.Choose(subscription);

    /// <summary>Whether only Marketing Messages, which is not configured, could reach this subscriber (<see cref="ProductRouter.OnlyMarketingMessagesCouldServe"/>).</summary>
    public bool OnlyMarketingMessagesCouldServe(Subscription subscription) => _router.OnlyMarketingMessagesCouldServe(subscription);

    /// <summary>Whether the message may go, and through which product.</summary>
    public sealed record RoutedEligibility(SendEligibility Eligibility, ProductRoute Route);
}
