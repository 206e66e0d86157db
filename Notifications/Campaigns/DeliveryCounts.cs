namespace ConversationBot.Notifications.Campaigns;

/// <summary>How many of a campaign's subscribers got each outcome.</summary>
public readonly record struct DeliveryCounts(long Sent, long Skipped, long Failed)
{
    public long Total => Sent + Skipped + Failed;

    public static DeliveryCounts operator +(DeliveryCounts a, DeliveryCounts b) => new(a.Sent + b.Sent, a.Skipped + b.Skipped, a.Failed + b.Failed);

    /// <summary>One record's outcome as counts (an open claim counts nothing).</summary>
    public static DeliveryCounts Of(Delivery.DeliveryState state) => state switch
    {
        Delivery.DeliveryState.Sent => new DeliveryCounts(1, 0, 0),
        Delivery.DeliveryState.Skipped => new DeliveryCounts(0, 1, 0),
        Delivery.DeliveryState.Failed => new DeliveryCounts(0, 0, 1),
        _ => default,
    };

    public static DeliveryCounts Add(DeliveryCounts a, DeliveryCounts b) => a + b;
}
