namespace ConversationBot.Notifications.Profiles;

/// <summary>
/// Messages allowed right after an opt-in, outside the window and not counted against the per-token
/// limit (Current: up to 3 within 2 minutes of the first, 2nd and 3rd at most 250 characters; docs/messenger-platform.md §1).
/// </summary>
public sealed record FollowUpAllowance(int Count, TimeSpan Within, int MaxCharactersAfterFirst)
{
    public static FollowUpAllowance None { get; } = new(0, TimeSpan.Zero, 0);

    /// <summary>Whether follow-up number <paramref name="number"/> (1-based) of <paramref name="length"/> characters may go at <paramref name="at"/>.</summary>
    public bool Allows(int number, int length, DateTimeOffset firstSentAt, DateTimeOffset at) =>
        number >= 1
        && number <= Count
        && at >= firstSentAt
        && at - firstSentAt <= Within
        && (number == 1 || length <= MaxCharactersAfterFirst);
}
