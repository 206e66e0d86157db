namespace ConversationBot.Notifications.OptIns;

/// <summary>
/// What we asked one customer on one channel and what they declined. <see cref="OffersBlockedUntil"/>
/// is set when the platform answered "too many opt-in requests" (docs/messenger-platform.md §5, 9/2018352).
/// </summary>
public sealed record OfferHistory(
    IReadOnlyList<OptInRequestRecord> Requests,
    IReadOnlyList<OptInDeclineRecord> Declines,
    DateTimeOffset? OffersBlockedUntil = null)
{
    public static OfferHistory Empty { get; } = new([], []);
}
