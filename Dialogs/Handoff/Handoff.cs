using System.Globalization;

namespace ConversationBot.Dialogs.Handoff;

/// <summary>
/// A conversation a person has taken over from the bot. While it is open and not past
/// <see cref="ExpiresAt"/>, the bot stays silent in that conversation. The agent desk claims it
/// (<see cref="Claim"/>) with an optimistic write on <see cref="Version"/>: of two agents claiming at
/// once, the store keeps one (docs/handoff.md).
/// </summary>
public sealed record Handoff(string ChannelId, string ConversationId, string CustomerId, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The conversation's language when the customer asked for a person ("en", "de"): the queue shows it, and the bot's "I'm back" is said in it.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The Bot Framework conversation reference as JSON, for an agent's reply on a Bot Framework channel
    /// (a proactive message through the adapter); <c>null</c> on Messenger, which is answered by PSID.
    /// </summary>
    public string? ConversationReference { get; init; }

    /// <summary>The agent who claimed it; <c>null</c> while it waits in the queue.</summary>
    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>
    /// When the customer was told when a person will answer: at the hand-off when the shop was closed, or
    /// once nobody had claimed it for <c>Handoff:UnansweredAfter</c>; <c>null</c> while not told. Written
    /// before the notice is sent, over <see cref="Version"/>, so several instances (or one restarted) tell
    /// the customer once.
    /// </summary>
    public DateTimeOffset? WaitNoticeAt { get; init; }

    /// <summary>Grows by one with each change the desk makes; a store writes a change only over the version it was made from.</summary>
    public long Version { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>The culture the customer is written to in (their <see cref="Language"/>; English when it is unknown).</summary>
    public CultureInfo Culture()
    {
        try
        {
            return CultureInfo.GetCultureInfo(Language ?? "en");
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en");
        }
    }

    public bool IsClaimed => ClaimedBy is not null;

    /// <summary>Nobody has claimed it for <paramref name="unansweredAfter"/> (and it is still open): the desk lists it first.</summary>
    public bool IsUnansweredAt(DateTimeOffset now, TimeSpan unansweredAfter) =>
        !IsClaimed && IsActiveAt(now) && now - RequestedAt >= unansweredAfter;

    /// <summary>
    /// The record to store over this version before telling the customer a person will answer, or
    /// <c>null</c> when no notice is due: claimed, already told, timed out, or not unanswered yet.
    /// </summary>
    public Handoff? WaitNoticeDueAt(DateTimeOffset now, TimeSpan unansweredAfter) =>
        WaitNoticeAt is null && IsUnansweredAt(now, unansweredAfter)
            ? this with { WaitNoticeAt = now, Version = Version + 1 }
            : null;

    /// <summary>
    /// <paramref name="agent"/> takes the hand-off: the changed record to store over this version, or the
    /// reason it cannot be taken. Claiming again by the same agent is no change.
    /// </summary>
    public HandoffClaim Claim(string agent, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agent);
        if (!IsActiveAt(now))
        {
            return HandoffClaim.Refused("the hand-off has timed out; the bot has the conversation again");
        }

        if (ClaimedBy is { } holder)
        {
            return string.Equals(holder, agent, StringComparison.Ordinal)
                ? HandoffClaim.Taken(this)
                : HandoffClaim.Refused($"{holder} claimed it first");
        }

        return HandoffClaim.Taken(this with { ClaimedBy = agent, ClaimedAt = now, Version = Version + 1 });
    }
}
