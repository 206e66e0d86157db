using ConversationBot.Notifications.Subscriptions;

namespace ConversationBot.Notifications.Products;

/// <summary>
/// Chooses the product for one subscriber's message. In order: what Meta said about this token beats
/// any guess (a region refusal by one product rules it out: <see cref="Subscription.RegionRefusedBy"/>);
/// a product that certainly serves the subscriber's region, the free one first; then, where the region
/// is unknown or unclear, Marketing Messages before Recurring Notifications, because its region refusal
/// (2300032) is documented and free and so the fallback is certain, while Recurring Notifications'
/// region refusal has no documented code (docs/messenger-platform.md §5).
/// </summary>
public sealed class ProductRouter(MessengerReach reach)
{
    public MessengerReach Reach { get; } = reach ?? throw new ArgumentNullException(nameof(reach));

    /// <summary>
    /// Whether this subscriber is one no product serves now that Marketing Messages would serve were it configured
    /// (the business is in one of its 20 regions, the subscriber outside the five or unclear): the subscribers a
    /// campaign leaves out for want of an ad account (Notifications/Campaigns/CampaignReachRule.cs).
    /// </summary>
    public bool OnlyMarketingMessagesCouldServe(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (Reach.MarketingMessagesConfigured || !MarketingMessagesRegions.AcceptsBusinessIn(Reach.BusinessRegion) || Choose(subscription).Product is not null)
        {
            return false;
        }

        var configured = new ProductRouter(new MessengerReach(Reach.Profile, Reach.BusinessRegion, marketingMessagesConfigured: true));
        return configured.Choose(subscription).Product == MessengerProduct.MarketingMessages;
    }

    public ProductRoute Choose(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (!subscription.IsMessenger)
        {
            return ProductRoute.NotMessenger;
        }

        var region = SubscriberRegion.FromTimeZone(subscription.TimeZoneId);
        var rn = Reach.RecurringNotificationsServe(region);
        var mm = Reach.MarketingMessagesServe(region);
        var refused = subscription.RegionRefusedBy;
        // A refusal says the time zone's guess was wrong: the token is on the other side, so the other product is at least possible.
        if (refused == MessengerProduct.RecurringNotifications)
        {
            rn = ProductServes.No;
            mm = Reach.MarketingMessagesAvailable && mm == ProductServes.No ? ProductServes.Maybe : mm;
        }
        else if (refused == MessengerProduct.MarketingMessages)
        {
            mm = ProductServes.No;
            rn = rn == ProductServes.No ? ProductServes.Maybe : rn;
        }

        var detail = refused is { } by ? $"{by} refused this token's region; subscriber {region}" : $"subscriber {region}";
        ProductRouteReason Because(ProductRouteReason reason) => refused is null ? reason : ProductRouteReason.OtherProductRefusedRegion;

        if (rn == ProductServes.Yes)
        {
            return new(MessengerProduct.RecurringNotifications, Because(ProductRouteReason.RegionServedByRecurringNotifications), detail);
        }

        if (mm == ProductServes.Yes)
        {
            return new(MessengerProduct.MarketingMessages, Because(ProductRouteReason.RegionServedByMarketingMessages), detail);
        }

        if (mm == ProductServes.Maybe)
        {
            return new(MessengerProduct.MarketingMessages, rn == ProductServes.Maybe ? ProductRouteReason.RegionUnclearMarketingMessagesFirst : Because(ProductRouteReason.RegionUnclearOnlyCandidate), detail);
        }

        if (rn == ProductServes.Maybe)
        {
            return new(MessengerProduct.RecurringNotifications, Because(ProductRouteReason.RegionUnclearOnlyCandidate), detail);
        }

        return new(null, ProductRouteReason.NoProductServes, detail);
    }
}
