namespace ConversationBot.Notifications.Products.Outcomes;

/// <summary>
/// One product's line of a campaign's report. <see cref="Product"/> is <c>null</c> for messages on other
/// channels (the Emulator, Teams, ...). Accepted: the platform took the message (through Marketing Messages
/// that is not yet delivered). Delivered, read and clicked are known only where the platform reports them
/// per message (Marketing Messages' webhooks); elsewhere they are <c>null</c>, not zero. Failed: refused
/// when sent, or, through Marketing Messages, reported failed after it was accepted.
/// </summary>
public sealed record ProductFigures(MessengerProduct? Product, long Accepted, long? Delivered, long? Read, long? Clicked, long Failed, long Skipped)
{
    /// <summary>The report's delivered count of its Marketing Messages line; <c>null</c> when it has none.</summary>
    public static long? DeliveredThroughMarketingMessages(IEnumerable<ProductFigures> report) =>
        report.FirstOrDefault(f => f.Product == MessengerProduct.MarketingMessages)?.Delivered;
}
