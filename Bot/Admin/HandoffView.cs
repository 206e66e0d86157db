using ConversationBot.Bot.Desk;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Admin;

/// <summary>A hand-off as the desk endpoints show it (the conversation reference stays inside).</summary>
public sealed record HandoffView(string ChannelId, string ConversationId, string CustomerId, string? Language, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, string? ClaimedBy, DateTimeOffset? ClaimedAt)
{
    public static HandoffView Of(Handoff handoff)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        return new(handoff.ChannelId, handoff.ConversationId, handoff.CustomerId, handoff.Language, handoff.RequestedAt, handoff.ExpiresAt, handoff.ClaimedBy, handoff.ClaimedAt);
    }
}

/// <summary>A hand-off with its transcript and whether a reply may go now (and how, or why not).</summary>
public sealed record HandoffTranscriptView(HandoffView Handoff, ReplyPermissionView Reply, IReadOnlyList<TranscriptLineView> Lines)
{
    public static HandoffTranscriptView Of(Handoff handoff, AgentReplyPermission permission, IReadOnlyList<TranscriptEntry> lines)
    {
        ArgumentNullException.ThrowIfNull(permission);
        ArgumentNullException.ThrowIfNull(lines);
        return new(
            HandoffView.Of(handoff),
            new ReplyPermissionView(permission.Allowed, permission.Kind.ToString(), permission.Reason, permission.Until),
            [.. lines.Select(l => new TranscriptLineView(l.At, l.Author.ToString(), l.Text, l.BeforeHandoff, l.AgentName, l.Note))]);
    }
}

/// <summary>Whether a reply may go now: <c>Response</c>, <c>HumanAgentTag</c> or <c>Refused</c>, why, and until when.</summary>
public sealed record ReplyPermissionView(bool Allowed, string Kind, string Reason, DateTimeOffset? Until);

/// <summary>A transcript line: <c>Customer</c>, <c>Bot</c> or <c>Agent</c>.</summary>
public sealed record TranscriptLineView(DateTimeOffset At, string Author, string Text, bool BeforeHandoff, string? AgentName, string? Note);

/// <summary>What a desk action did: the hand-off as it is now and, for a reply, how it went (RESPONSE, HUMAN_AGENT tag).</summary>
public sealed record HandoffActionView(HandoffView? Handoff, string? Note)
{
    public static HandoffActionView Of(DeskOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.Handoff is { } handoff ? HandoffView.Of(handoff) : null, outcome.Reason);
    }
}
