namespace ConversationBot.Notifications.Campaigns;

/// <summary>How many of a campaign's subscribers got each outcome.</summary>
public readonly record struct DeliveryCounts(long Sent, long Skipped, long Failed)
{
    public long Total => Sent + Skipped + Failed;

    public static DeliveryCounts operator +(DeliveryCounts a, DeliveryCounts b) => new(a.Sent + b.Sent, a.Skipped + b.Skipped, a.Failed + b.Failed);

    public static DeliveryCounts Add(DeliveryCounts a, DeliveryCounts b) => a + b;
}
