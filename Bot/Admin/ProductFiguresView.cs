using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// One product's line of a campaign's report: <c>product</c> is <c>RecurringNotifications</c>, <c>MarketingMessages</c>
/// or <c>Channel</c> (messages on other channels). Delivered, read and clicked are <c>null</c> where the platform
/// does not report them per message (everything but Marketing Messages). <c>spend</c>: on the Marketing Messages line only,
/// what Meta's insights say it cost (docs/marketing-messages.md, "Spend"), or why they could not be read.
/// </summary>
public sealed record ProductFiguresView(string Product, long Accepted, long? Delivered, long? Read, long? Clicked, long Failed, long Skipped, MarketingMessagesSpend? Spend = null)
{
    public static ProductFiguresView Of(ProductFigures figures, MarketingMessagesSpend? spend = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new(
            figures.Product?.ToString() ?? "Channel", figures.Accepted, figures.Delivered, figures.Read, figures.Clicked, figures.Failed, figures.Skipped,
            figures.Product == ConversationBot.Notifications.Products.MessengerProduct.MarketingMessages ? spend : null);
    }
}
