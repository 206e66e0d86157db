using System.Globalization;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Notifications.Window;

namespace ConversationBot.Bot.Desk;

/// <summary>
/// The agent desk's actions, one place for the admin API and the console: the queue of open hand-offs,
/// a hand-off with its transcript and whether a reply may go now, claim (an optimistic write: of two
/// agents at once one wins and the other is told who), reply (by the channel's rules, kept in the
/// transcript with what became of it), and close (the conversation back to the bot, which says so in the
/// customer's language). Texts are never logged; the log says who did what to which conversation.
/// </summary>
public sealed partial class HandoffDesk(
    IHandoffStore handoffs,
    IHandoffTranscriptStore transcripts,
    AgentReplySender replies,
    HandoffOptions options,
    TimeProvider time,
    ILogger<HandoffDesk> logger)
{
    /// <summary>The longest reply the desk sends: Messenger's limit for a text message.</summary>
    public const int MaxReplyLength = 2000;

    private const int MaxClaimAttempts = 3;

    /// <summary>Open hand-offs with the customer's last words (one transcript read each): the unanswered ones first, each group oldest first.</summary>
    public async Task<IReadOnlyList<QueuedHandoff>> QueueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = (await handoffs.ListAsync(cancellationToken).ConfigureAwait(false)).Where(h => h.IsActiveAt(now)).OrderBy(h => h.RequestedAt).ToList();
        var queue = new List<QueuedHandoff>(open.Count);
        foreach (var handoff in open)
        {
            var last = (await transcripts.ReadAsync(handoff, cancellationToken).ConfigureAwait(false)).LastOrDefault(l => l.Author == TranscriptAuthor.Customer);
            queue.Add(new QueuedHandoff(handoff, last?.Text, last?.At, handoff.IsUnansweredAt(now, options.UnansweredAfter)));
        }

        return [.. queue.OrderByDescending(q => q.Unanswered).ThenBy(q => q.Handoff.RequestedAt)];
    }

    /// <summary>An open hand-off, or <c>null</c>.</summary>
    public async Task<Handoff?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        await handoffs.FindAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false) is { } handoff && handoff.IsActiveAt(time.GetUtcNow())
            ? handoff
            : null;

    public Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(Handoff handoff, CancellationToken cancellationToken) => transcripts.ReadAsync(handoff, cancellationToken);

    /// <summary>
    /// The transcripts of hand-offs no longer open (closed at the desk, given back by the customer, timed
    /// out), the latest first, at most <paramref name="limit"/>: the console's past conversations.
    /// </summary>
    public async Task<IReadOnlyList<TranscriptSummary>> PastAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = (await handoffs.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(h => h.IsActiveAt(now))
            .Select(h => (h.ChannelId, h.ConversationId, h.RequestedAt))
            .ToHashSet();
        var recent = await transcripts.ListRecentAsync(limit + open.Count, cancellationToken).ConfigureAwait(false);
        return [.. recent.Where(t => !open.Contains((t.ChannelId, t.ConversationId, t.HandoffAt))).Take(limit)];
    }

    public Task<AgentReplyPermission> PermissionAsync(Handoff handoff, CancellationToken cancellationToken) => replies.PermissionAsync(handoff, cancellationToken);

    public async Task<DeskOutcome> ClaimAsync(string channelId, string conversationId, string agent, CancellationToken cancellationToken)
    {
        if (await FindAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false) is not { } handoff)
        {
            return DeskOutcome.NotFound;
        }

        // A lost write is read again: another agent's claim is told; any other change (the customer's
        // wait notice, Bot/Desk/UnansweredHandoffNotices.cs) does not stop this claim.
        for (var attempt = 1; ; attempt++)
        {
            var claim = handoff.Claim(agent, time.GetUtcNow());
            if (claim.Claimed is not { } claimed)
            {
                return new DeskOutcome(DeskOutcomeKind.Conflict, claim.Reason, handoff);
            }

            if (claimed.Version == handoff.Version || await handoffs.TryReplaceAsync(claimed, cancellationToken).ConfigureAwait(false))
            {
                LogClaimed(logger, agent, channelId, conversationId);
                return new DeskOutcome(DeskOutcomeKind.Done, null, claimed);
            }

            if (await FindAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false) is not { } now)
            {
                return DeskOutcome.NotFound;
            }

            if (attempt == MaxClaimAttempts)
            {
                return new DeskOutcome(DeskOutcomeKind.Conflict, now.Claim(agent, time.GetUtcNow()).Reason ?? "it changed meanwhile; try again", now);
            }

            handoff = now;
        }
    }

    /// <summary>The claiming agent's reply, sent by the channel's rules and kept in the transcript with what became of it.</summary>
    public async Task<DeskOutcome> ReplyAsync(string channelId, string conversationId, string agent, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (await FindAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false) is not { } handoff)
        {
            return DeskOutcome.NotFound;
        }

        if (HolderProblem(handoff, agent, mustHold: true) is { } problem)
        {
            return new DeskOutcome(DeskOutcomeKind.Conflict, problem, handoff);
        }

        var result = await replies.SendAsync(handoff, text, cancellationToken).ConfigureAwait(false);
        if (result.Permission.Allowed)
        {
            // A refused reply left nothing to keep; a sent or failed one is the transcript's, with what became of it.
            await transcripts.AppendAsync(handoff, [new TranscriptEntry(time.GetUtcNow(), TranscriptAuthor.Agent, text) { AgentName = agent, Note = result.Problem }], cancellationToken).ConfigureAwait(false);
        }

        LogReplied(logger, agent, channelId, conversationId, result.Permission.Kind, result.Failure?.Kind);
        return result.Sent
            ? new DeskOutcome(DeskOutcomeKind.Done, result.Permission.Reason, handoff)
            : new DeskOutcome(result.Permission.Allowed ? DeskOutcomeKind.Failed : DeskOutcomeKind.Refused, result.Problem, handoff);
    }

    /// <summary>Gives the conversation back to the bot, which tells the customer in their language (by the channel's rules; a refusal is noted in the transcript).</summary>
    public async Task<DeskOutcome> CloseAsync(string channelId, string conversationId, string agent, CancellationToken cancellationToken)
    {
        if (await FindAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false) is not { } handoff)
        {
            return DeskOutcome.NotFound;
        }

        if (HolderProblem(handoff, agent, mustHold: false) is { } problem)
        {
            return new DeskOutcome(DeskOutcomeKind.Conflict, problem, handoff);
        }

        if (!await handoffs.ReleaseAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false))
        {
            return DeskOutcome.NotFound;
        }

        var back = Texts.For(CultureOf(handoff))[nameof(DialogStrings.Handoff_Released)];
        var result = await replies.SendAsBotAsync(handoff, back, cancellationToken).ConfigureAwait(false);
        await transcripts.AppendAsync(handoff, [new TranscriptEntry(time.GetUtcNow(), TranscriptAuthor.Bot, back) { Note = result.Problem }], cancellationToken).ConfigureAwait(false);
        LogClosed(logger, agent, channelId, conversationId, result.Sent);
        return new DeskOutcome(DeskOutcomeKind.Done, result.Problem, handoff);
    }

    private static string? HolderProblem(Handoff handoff, string agent, bool mustHold) => handoff.ClaimedBy switch
    {
        null when mustHold => "claim it first",
        { } holder when !string.Equals(holder, agent, StringComparison.Ordinal) => $"{holder} has this conversation",
        _ => null,
    };

    private static CultureInfo CultureOf(Handoff handoff)
    {
        try
        {
            return CultureInfo.GetCultureInfo(handoff.Language ?? "en");
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk: {Agent} claimed the hand-off of {ChannelId}/{ConversationId}")]
    private static partial void LogClaimed(ILogger logger, string agent, string channelId, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk: {Agent} replied in {ChannelId}/{ConversationId} ({Kind}; failure: {Failure})")]
    private static partial void LogReplied(ILogger logger, string agent, string channelId, string conversationId, AgentReplyKind kind, ConversationBot.Notifications.Errors.PlatformErrorActionKind? failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk: {Agent} gave {ChannelId}/{ConversationId} back to the bot (told the customer: {Told})")]
    private static partial void LogClosed(ILogger logger, string agent, string channelId, string conversationId, bool told);
}
