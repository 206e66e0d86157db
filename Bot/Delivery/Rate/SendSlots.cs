namespace ConversationBot.Bot.Delivery.Rate;

/// <summary>
/// The Page's send schedule as one instant: the next free slot (<see cref="NextFree"/>). Taking
/// <c>n</c> sends at a rate of <c>r</c> a second starts at that slot or now, whichever is later, and
/// moves it on by <c>n / r</c>; slots are <c>1 / r</c> apart, so whoever takes them (one instance or a
/// fleet) and however they are batched, no second holds more than <c>r</c> of them. A free slot in the
/// past is not saved up: an idle Page gets no burst. A rate limit seen by anyone moves the slot past
/// the platform's wait, which holds back every instance.
/// </summary>
public readonly record struct SendSlots(DateTimeOffset NextFree)
{
    /// <summary>The first of <paramref name="count"/> slots, and the schedule after them.</summary>
    public (DateTimeOffset First, SendSlots After) Take(int count, int perSecond, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var first = NextFree > now ? NextFree : now;
        return (first, new SendSlots(first + Spacing(perSecond) * count));
    }

    /// <summary>No slot before <paramref name="until"/>.</summary>
    public SendSlots HoldUntil(DateTimeOffset until) => until > NextFree ? new SendSlots(until) : this;

    public static TimeSpan Spacing(int perSecond) => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / perSecond);
}
