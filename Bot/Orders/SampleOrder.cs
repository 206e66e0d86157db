using ConversationBot.Cards;
using ConversationBot.Dialogs.Orders;

namespace ConversationBot.Bot.Orders;

/// <summary>
/// One order of the sample file, its dates in days relative to today, so that the demo always
/// makes sense: a "Shipped" order's delivery is still ahead, a "Delivered" one's behind (docs/architecture.md).
/// </summary>
internal sealed class SampleOrder
{
    public string Number { get; init; } = string.Empty;

    public OrderStatus Status { get; init; }

    /// <summary>0 is today.</summary>
    public int OrderedDaysAgo { get; init; }

    /// <summary>Negative for a delivery in the past; absent when there is no date yet.</summary>
    public int? ExpectedDeliveryInDays { get; init; }

    public string Currency { get; init; } = string.Empty;

    public List<OrderLine> Lines { get; init; } = [];

    public string? Carrier { get; init; }

    public Uri? TrackingUrl { get; init; }

    public Order On(DateOnly today) => new(
        Number,
        Status,
        today.AddDays(-OrderedDaysAgo),
        ExpectedDeliveryInDays is { } days ? today.AddDays(days) : null,
        Currency,
        Lines,
        Carrier,
        TrackingUrl);
}
