using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Whether one subscriber may get a campaign message at an instant: the one question both a campaign's
/// page (<see cref="CampaignPageWork"/>) and its preview (<see cref="CampaignPreview"/>) ask, so the
/// preview's counts are what the campaign then does. Messenger underneath Azure Bot Service (the
/// <c>facebook</c> channel, no token) needs the customer's 24-hour window; everything else is the
/// <see cref="EligibilityPolicy"/>'s.
/// </summary>
public sealed class RecipientDecision(IMessagingWindowStore windows, TopicCatalog topics, EligibilityPolicy eligibility)
{
    /// <param name="subscription">The subscriber.</param>
    /// <param name="now">The instant of the intended send.</param>
    /// <param name="page">The page's platform status; <c>null</c> where the caller handles a paused page itself (a campaign is put off as a whole).</param>
    /// <param name="cancellationToken">Cancels the window look-up.</param>
    public async Task<SendEligibility> DecideAsync(Subscription subscription, DateTimeOffset now, PageStatus? page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (ChannelIds.IsFacebook(subscription.ChannelId)
            && !(await windows.GetAsync(subscription.ChannelId, subscription.CustomerId, cancellationToken).ConfigureAwait(false)).IsOpenAt(now))
        {
            // Messenger underneath, without a token: nothing may go out after 24 hours of silence.
            return SendEligibility.NotEligible(NotEligibleReason.MessagingWindowClosed);
        }

        topics.TryGet(subscription.TopicId, out var topic);
        return eligibility.Evaluate(subscription, topic, now, page);
    }
}
