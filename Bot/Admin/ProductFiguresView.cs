using ConversationBot.Notifications.Products.Outcomes;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// One product's line of a campaign's report: <c>product</c> is <c>RecurringNotifications</c>, <c>MarketingMessages</c>
/// or <c>Channel</c> (messages on other channels). Delivered, read and clicked are <c>null</c> where the platform
/// does not report them per message (everything but Marketing Messages).
/// </summary>
public sealed record ProductFiguresView(string Product, long Accepted, long? Delivered, long? Read, long? Clicked, long Failed, long Skipped)
{
    public static ProductFiguresView Of(ProductFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new(figures.Product?.ToString() ?? "Channel", figures.Accepted, figures.Delivered, figures.Read, figures.Clicked, figures.Failed, figures.Skipped);
    }
}
