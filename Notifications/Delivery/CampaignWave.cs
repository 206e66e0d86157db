using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Timing;

namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// Which subscribers of a page the current pass of a campaign sends to: those in its segment whose
/// message is due (<see cref="RecipientTiming"/>) after the previous pass and by this one's instant
/// (<see cref="Campaign.WaveFrom"/>, <see cref="Campaign.WaveUntil"/>). The rest of the segment is either
/// done (an earlier pass had them) or waiting, counted with the earliest instant one is due.
/// </summary>
public sealed record CampaignWave(IReadOnlyList<Subscription> Due, long Waiting, DateTimeOffset? NextDueAt)
{
    public static CampaignWave Of(Campaign campaign, IReadOnlyList<Subscription> page, RecipientTiming timing, SubscriberLanguages languages)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(languages);
        var due = new List<Subscription>(page.Count);
        var waiting = 0L;
        DateTimeOffset? next = null;
        foreach (var subscription in page)
        {
            if (!campaign.Segment.Includes(subscription, languages))
            {
                // Not the campaign's audience: never claimed, never counted.
                continue;
            }

            var at = timing.For(campaign, subscription).DueAt;
            if (campaign.WaveFrom is { } from && at <= from)
            {
                continue;
            }

            // A campaign running from before waves has no bound: everyone is due, as it was then.
            if (campaign.WaveUntil is { } until && at > until)
            {
                waiting++;
                next = next is { } known && known <= at ? known : at;
                continue;
            }

            due.Add(subscription);
        }

        return new CampaignWave(due, waiting, next);
    }
}
