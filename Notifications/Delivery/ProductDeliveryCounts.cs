using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Products;

namespace ConversationBot.Notifications.Delivery;

/// <summary>A campaign's outcomes through one product (<c>null</c>: another channel, or a Messenger delivery from before products were recorded).</summary>
public sealed record ProductDeliveryCounts(MessengerProduct? Product, DeliveryCounts Counts)
{
    /// <summary>Records counted per product, in the order products first appear.</summary>
    public static IReadOnlyList<ProductDeliveryCounts> Of(IEnumerable<DeliveryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [.. records.Where(r => r.IsFinal)
            .GroupBy(r => r.Product)
            .Select(g => new ProductDeliveryCounts(g.Key, g.Aggregate(default(DeliveryCounts), (sum, r) => sum + DeliveryCounts.Of(r.State))))];
    }

    /// <summary>Several countings of one campaign added per product.</summary>
    public static IReadOnlyList<ProductDeliveryCounts> Sum(IEnumerable<ProductDeliveryCounts> parts) =>
        [.. parts.GroupBy(p => p.Product).Select(g => new ProductDeliveryCounts(g.Key, g.Aggregate(default(DeliveryCounts), (sum, p) => sum + p.Counts)))];
}
