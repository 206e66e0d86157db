namespace ConversationBot.Dialogs.Shop;

/// <summary>
/// Whether the shop is open at an instant, by its opening hours in its time zone: open until
/// <see cref="ClosesAt"/>, or closed until <see cref="OpensAt"/> (null when no opening is configured
/// within <see cref="OpeningSchedule.LookAhead"/>). The instants carry the shop's local offset, so
/// their <c>DateTime</c> is the time a customer is told; <see cref="LocalNow"/> says which day is "today".
/// </summary>
public sealed record OpeningState(DateTimeOffset LocalNow, bool IsOpen, DateTimeOffset? ClosesAt, DateTimeOffset? OpensAt)
{
    /// <summary>How the customer's wait is described: "today", "tomorrow" or a weekday, by the shop's calendar.</summary>
    public int DaysFromToday(DateTimeOffset localInstant) =>
        DateOnly.FromDateTime(localInstant.DateTime).DayNumber - DateOnly.FromDateTime(LocalNow.DateTime).DayNumber;
}
