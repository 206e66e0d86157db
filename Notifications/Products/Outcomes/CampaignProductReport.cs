using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;

namespace ConversationBot.Notifications.Products.Outcomes;

/// <summary>
/// A campaign's figures side by side per product (docs/marketing-messages.md, "The report"): what our
/// delivery records say each product took, refused and skipped, and, for Marketing Messages, how far its
/// accepted messages got by Meta's webhooks. Only products the campaign used are listed.
/// </summary>
public static class CampaignProductReport
{
    public static IReadOnlyList<ProductFigures> Of(IReadOnlyList<ProductDeliveryCounts> byProduct, MarketingMessageOutcomeCounts marketingMessages)
    {
        ArgumentNullException.ThrowIfNull(byProduct);
        ArgumentNullException.ThrowIfNull(marketingMessages);
        var lines = new List<ProductFigures>();
        foreach (var product in new MessengerProduct?[] { MessengerProduct.RecurringNotifications, MessengerProduct.MarketingMessages, null })
        {
            var counts = byProduct.FirstOrDefault(p => p.Product == product)?.Counts ?? default;
            var isMarketing = product == MessengerProduct.MarketingMessages;
            if (counts == default && !(isMarketing && marketingMessages.Known > 0))
            {
                continue;
            }

            lines.Add(isMarketing
                ? new ProductFigures(
                    product,
                    // A send whose answer was lost (the host died) is still reported by Meta: the larger count is the truer one.
                    Math.Max(counts.Sent, marketingMessages.Known),
                    marketingMessages.Delivered,
                    marketingMessages.Read,
                    marketingMessages.Clicked,
                    counts.Failed + marketingMessages.Failed,
                    counts.Skipped)
                : new ProductFigures(product, counts.Sent, null, null, null, counts.Failed, counts.Skipped));
        }

        return lines;
    }
}
