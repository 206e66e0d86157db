namespace ConversationBot.Bot.Delivery.Rate;

/// <summary>
/// The Page's send schedule: the next free slot (<see cref="NextFree"/>) and the end of the latest rate
/// limit anyone reported (<see cref="HeldUntil"/>). Taking <c>n</c> sends at a rate of <c>r</c> a second
/// starts at that slot or now, whichever is later, and moves it on by <c>n / r</c>; slots are <c>1 / r</c>
/// apart, so whoever takes them (one instance or a fleet) and however they are batched, no second holds
/// more than <c>r</c> of them. A free slot in the past is not saved up: an idle Page gets no burst. A rate
/// limit seen by anyone moves the slot past the platform's wait, which holds back every instance, and is
/// kept so that an instance learns of it with its next batch and gives up the slots it had been handed
/// inside it (<see cref="FleetSendRate"/>).
/// </summary>
public readonly record struct SendSlots(DateTimeOffset NextFree, DateTimeOffset HeldUntil = default)
{
    /// <summary>The first of <paramref name="count"/> slots, and the schedule after them.</summary>
    public (DateTimeOffset First, SendSlots After) Take(int count, int perSecond, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var first = NextFree > now ? NextFree : now;
        return (first, this with { NextFree = first + Spacing(perSecond) * count });
    }

    /// <summary>No slot before <paramref name="until"/>.</summary>
    public SendSlots HoldUntil(DateTimeOffset until) => new(until > NextFree ? until : NextFree, until > HeldUntil ? until : HeldUntil);

    public static TimeSpan Spacing(int perSecond) => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / perSecond);
}

/// <summary>What a take hands an instance: its first slot, and the end of the latest rate limit the schedule knows.</summary>
public readonly record struct SlotGrant(DateTimeOffset First, DateTimeOffset HeldUntil);
