using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Profiles;

/// <summary>
/// The start-up check: what the chosen profile makes impossible. Warnings, not errors, because the
/// bot still works (the stricter rule wins) but a topic's promise, e.g. "daily" under a 48-hour
/// rule, will not be kept on Messenger and the operator should reword or retire it.
/// </summary>
public static class ProfileCompatibilityCheck
{
    /// <summary>A deployment with Recurring Notifications only.</summary>
    public static IReadOnlyList<string> Warnings(TopicCatalog catalog, PlatformProfile profile, string? region) =>
        Warnings(catalog, new MessengerReach(profile, region, marketingMessagesConfigured: false));

    /// <summary>
    /// With Marketing Messages in the picture (docs/marketing-messages.md §1): a business region outside the
    /// profile's is fine when Marketing Messages can deliver; a configuration where neither product can is explained.
    /// </summary>
    public static IReadOnlyList<string> Warnings(TopicCatalog catalog, MessengerReach reach)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(reach);
        var profile = reach.Profile;
        var region = reach.BusinessRegion;
        var warnings = new List<string>();

        if (profile.SendRule is { Kind: PerTokenRuleKind.RollingInterval, Interval: { } interval })
        {
            foreach (var topic in catalog.Topics)
            {
                if (interval > ShortestPeriod(topic.Frequency))
                {
                    warnings.Add(
                        $"Topics:{topic.Id} promises {topic.Frequency} messages, but profile {profile.Name} allows one message per Messenger token per {interval.TotalHours:0.##} hours: the promise cannot be kept on Messenger.");
                }
            }
        }

        if (reach.MarketingMessagesConfigured && !reach.MarketingMessagesAvailable)
        {
            warnings.Add(reach.Describe()[1]);
        }

        // Marketing Messages' 12 hours per token never break a promise: the most frequent topic is daily.
        if (reach.MarketingMessagesAvailable)
        {
            return warnings;
        }

        if (profile.Regions is { } regions)
        {
            var served = string.Join(", ", regions.Order(StringComparer.Ordinal));
            if (string.IsNullOrWhiteSpace(region))
            {
                warnings.Add($"Notifications:Region is not set; profile {profile.Name} serves only {served} on Messenger, so sends elsewhere will fail.");
            }
            else if (!profile.CoversRegion(region))
            {
                warnings.Add($"Notifications:Region '{region}' is outside profile {profile.Name}'s regions ({served}): no Messenger opt-ins or sends.");
                if (reach.WhyNoOffers() is { } why)
                {
                    warnings.Add(why);
                }
            }
        }

        return warnings;
    }

    private static TimeSpan ShortestPeriod(Frequency frequency) => frequency switch
    {
        // A DST day is 23 hours, but a 24-hour rule still fits once a day at a steady time; compare
        // with the nominal length so only a genuinely stricter rule warns.
        Frequency.Daily => TimeSpan.FromDays(1),
        Frequency.Weekly => TimeSpan.FromDays(7),
        _ => TimeSpan.FromDays(28),
    };
}
