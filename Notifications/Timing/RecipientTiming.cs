using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Periods;
using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Timing;

/// <summary>
/// When a campaign's message is due for one subscriber, in their time zone (a subscriber without one,
/// or with one the machine does not know, is in <see cref="FallbackZone"/>): the campaign's start, or
/// its local time there; then, unless the campaign opted out, moved past the quiet hours. A pure
/// function of the campaign and the subscription, so every pass of a campaign, every instance and the
/// preview give the same instant (Notifications/Delivery/CampaignPageWork.cs sends each subscriber in
/// the one pass whose window holds it).
/// </summary>
public sealed class RecipientTiming(QuietHours quietHours, TimeZoneInfo fallbackZone)
{
    public QuietHours QuietHours { get; } = quietHours ?? throw new ArgumentNullException(nameof(quietHours));

    public TimeZoneInfo FallbackZone { get; } = fallbackZone ?? throw new ArgumentNullException(nameof(fallbackZone));

    public SendTiming For(Campaign campaign, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(subscription);
        return For(campaign.StartAt, campaign.LocalTime, campaign.IgnoresQuietHours, subscription.TimeZoneId);
    }

    public SendTiming For(DateTimeOffset startAt, LocalSendTime? localTime, bool ignoresQuietHours, string? timeZoneId)
    {
        var zone = SubscriberTimeZone.Resolve(timeZoneId, FallbackZone);
        var timing = localTime is null
            ? new SendTiming(startAt, SendTimingReason.CampaignStart)
            : new SendTiming(localTime.FirstAtOrAfter(startAt, zone), SendTimingReason.LocalTime);
        if (!ignoresQuietHours && QuietHours.EndIfInside(timing.DueAt, zone) is { } quietEnd)
        {
            timing = new SendTiming(quietEnd, SendTimingReason.QuietHours);
        }

        return timing;
    }
}
