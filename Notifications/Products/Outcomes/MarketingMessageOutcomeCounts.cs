namespace ConversationBot.Notifications.Products.Outcomes;

/// <summary>
/// One Meta campaign's messages by how far they got. Each count includes the messages that got further:
/// a read message was delivered, a clicked one was read (Meta sends no read for every click). Failed counts
/// messages whose last word was Meta's asynchronous failure.
/// </summary>
public sealed record MarketingMessageOutcomeCounts(long Known, long Sent, long Delivered, long Read, long Clicked, long Failed)
{
    public static MarketingMessageOutcomeCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>The counts of these final statuses, one per message.</summary>
    public static MarketingMessageOutcomeCounts Of(IReadOnlyDictionary<MarketingMessageStatus, long> byStatus)
    {
        ArgumentNullException.ThrowIfNull(byStatus);
        long AtLeast(MarketingMessageStatus status) => byStatus.Where(s => s.Key >= status && s.Key != MarketingMessageStatus.Failed).Sum(s => s.Value);
        return new MarketingMessageOutcomeCounts(
            byStatus.Values.Sum(),
            AtLeast(MarketingMessageStatus.Sent),
            AtLeast(MarketingMessageStatus.Delivered),
            AtLeast(MarketingMessageStatus.Read),
            AtLeast(MarketingMessageStatus.Clicked),
            byStatus.GetValueOrDefault(MarketingMessageStatus.Failed));
    }
}
