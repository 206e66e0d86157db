using ConversationBot.Notifications.Profiles;

namespace ConversationBot.Notifications.Products;

/// <summary>
/// Which products this deployment can send Messenger tokens through, and whom each reaches
/// (docs/marketing-messages.md §1): Recurring Notifications under the platform profile (the Current
/// profile keeps AU, EU, JP, KR, UK), Marketing Messages when it is configured and the business is in
/// one of its 20 regions. Whether the business's or the person's region decides for Recurring
/// Notifications is not documented, so both readings are accepted: a region either reading allows is a
/// "maybe", and a refusal teaches (<see cref="ProductRouter"/>).
/// </summary>
public sealed class MessengerReach
{
    public MessengerReach(PlatformProfile profile, string? businessRegion, bool marketingMessagesConfigured)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        BusinessRegion = string.IsNullOrWhiteSpace(businessRegion) ? null : businessRegion.Trim();
        MarketingMessagesConfigured = marketingMessagesConfigured;
    }

    public PlatformProfile Profile { get; }

    /// <summary><c>Notifications:Region</c>.</summary>
    public string? BusinessRegion { get; }

    /// <summary>Whether <c>Messenger:MarketingMessages</c> is set up (ad account and access token).</summary>
    public bool MarketingMessagesConfigured { get; }

    /// <summary>Configured, and the business is somewhere Meta lets it use Marketing Messages.</summary>
    public bool MarketingMessagesAvailable => MarketingMessagesConfigured && MarketingMessagesRegions.AcceptsBusinessIn(BusinessRegion);

    /// <summary>The profile serves the business's region (the reading the bot has used since February 2026).</summary>
    public bool RecurringNotificationsForBusiness => Profile.CoversRegion(BusinessRegion);

    /// <summary>Whether opt-ins may be offered on Messenger at all: some product can deliver what they promise.</summary>
    public bool OffersAllowed => RecurringNotificationsForBusiness || MarketingMessagesAvailable;

    /// <summary>Whether Recurring Notifications reaches a subscriber in <paramref name="region"/>.</summary>
    public ProductServes RecurringNotificationsServe(SubscriberRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (Profile.Regions is null)
        {
            return ProductServes.Yes;
        }

        return region.Kind switch
        {
            SubscriberRegionKind.InFiveRegions => Profile.CoversRegion(region.Code) ? ProductServes.Yes : ProductServes.No,
            // The person is elsewhere; only the business-region reading would let it through.
            SubscriberRegionKind.Elsewhere => RecurringNotificationsForBusiness ? ProductServes.Maybe : ProductServes.No,
            _ => ProductServes.Maybe,
        };
    }

    /// <summary>Whether Marketing Messages reaches a subscriber in <paramref name="region"/>.</summary>
    public ProductServes MarketingMessagesServe(SubscriberRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (!MarketingMessagesAvailable)
        {
            return ProductServes.No;
        }

        return region.Kind switch
        {
            SubscriberRegionKind.InFiveRegions => ProductServes.No,
            SubscriberRegionKind.Elsewhere => ProductServes.Yes,
            _ => ProductServes.Maybe,
        };
    }

    /// <summary>The per-token limit of the product a message goes through: 12 hours for Marketing Messages, the profile's otherwise.</summary>
    public PerTokenSendRule SendRuleFor(MessengerProduct? product) =>
        product == MessengerProduct.MarketingMessages ? MarketingMessagesLimits.PerTokenRule : Profile.SendRule;

    /// <summary>One sentence per product for the start-up log: which it is, and for which subscriber regions.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        var rnRegions = Profile.Regions is { } regions ? string.Join(", ", regions.Order(StringComparer.Ordinal)) : null;
        lines.Add(rnRegions is null
            ? $"Recurring Notifications (profile {Profile.Name}) for subscribers everywhere"
            : RecurringNotificationsForBusiness
                ? $"Recurring Notifications (profile {Profile.Name}) for subscribers in {rnRegions}"
                : $"Recurring Notifications (profile {Profile.Name}) for subscribers in {rnRegions}, if Meta goes by the person's region (the business's region {BusinessRegion ?? "(not set)"} is not one of them)");
        lines.Add(MarketingMessagesAvailable
            ? $"Marketing Messages (business in {RegionCode.Normalize(BusinessRegion!)}) for subscribers outside {Excluded()}; every delivered message is charged to the ad account"
            : MarketingMessagesConfigured
                ? $"Marketing Messages is configured but unavailable: Notifications:Region '{BusinessRegion ?? "(not set)"}' is not one of its 20 business regions ({string.Join(", ", MarketingMessagesRegions.BusinessRegions.Order(StringComparer.Ordinal))})"
                : "Marketing Messages not configured (Messenger:MarketingMessages)");
        return lines;
    }

    /// <summary>Why Messenger opt-ins cannot be offered; <c>null</c> when they can.</summary>
    public string? WhyNoOffers()
    {
        if (OffersAllowed)
        {
            return null;
        }

        var rn = Profile.Regions is { } regions
            ? $"profile {Profile.Name} serves Recurring Notifications only in {string.Join(", ", regions.Order(StringComparer.Ordinal))} and Notifications:Region is '{BusinessRegion ?? "(not set)"}'"
            : $"profile {Profile.Name} does not serve Notifications:Region '{BusinessRegion ?? "(not set)"}'";
        var mm = MarketingMessagesConfigured
            ? $"Marketing Messages needs a business in one of {string.Join(", ", MarketingMessagesRegions.BusinessRegions.Order(StringComparer.Ordinal))}"
            : "Marketing Messages is not configured (Messenger:MarketingMessages:AdAccountId, AccessToken)";
        return $"neither product can deliver: {rn}; {mm}. No Messenger opt-ins are offered and no Messenger campaigns are sent.";
    }

    private static string Excluded() => string.Join(", ", MarketingMessagesRegions.ExcludedSubscriberRegions.Order(StringComparer.Ordinal));
}
