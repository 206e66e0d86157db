using ConversationBot.Bot.Messenger;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.Shop;
using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Desk;

/// <summary>
/// Tells a customer whose hand-off nobody has claimed for <c>Handoff:UnansweredAfter</c> (default five
/// minutes), once and in their language, that a person will answer and roughly when
/// (Dialogs/Handoff/HandoffWaitText.cs, from the shop's opening hours). It looks at the open hand-offs at
/// start-up and every <see cref="Interval"/>. Once: the hand-off records the notice
/// (<see cref="Handoff.WaitNoticeAt"/>) with an optimistic write over its version before anything is
/// sent, so of several instances (or one restarted) only the one whose write was kept sends it; a send
/// that then fails is kept in the transcript with what became of it and not tried again (it may have
/// arrived). It goes by the channel's rules for the bot's own words (Bot/Desk/AgentReplySender.cs
/// <c>SendAsBotAsync</c>: on Messenger a RESPONSE inside the 24-hour window only). Messenger hand-offs
/// held by Meta's Page Inbox are left alone: the bot may not write while the inbox holds the thread.
/// </summary>
public sealed partial class UnansweredHandoffNotices(
    IHandoffStore handoffs,
    IHandoffTranscriptStore transcripts,
    AgentReplySender sender,
    HandoffOptions options,
    ShopOpeningHours hours,
    ShopOptions shop,
    TimeProvider time,
    ILogger<UnansweredHandoffNotices> logger) : BackgroundService
{
    /// <summary>How often the open hand-offs are looked at: a notice comes at most this late. On Cosmos DB a look is one read of the open list and one per open hand-off.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>One look; returns how many customers this instance told (or tried to).</summary>
    public async Task<int> NotifyAsync(CancellationToken cancellationToken)
    {
        var told = 0;
        foreach (var handoff in await handoffs.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            if (IsHeldByPageInbox(handoff) || handoff.WaitNoticeDueAt(now, options.UnansweredAfter) is not { } marked)
            {
                continue;
            }

            if (!await handoffs.TryReplaceAsync(marked, cancellationToken).ConfigureAwait(false))
            {
                // Claimed, released or told by another instance meanwhile.
                continue;
            }

            // Marked as told: from here on the stopping token is not passed on, since nobody will send it again.
            var text = HandoffWaitText.WhileUnanswered(hours.At(now), shop, marked.Culture());
            var result = await sender.SendAsBotAsync(marked, text, CancellationToken.None).ConfigureAwait(false);
            await transcripts.AppendAsync(marked, [new TranscriptEntry(time.GetUtcNow(), TranscriptAuthor.Bot, text) { Note = result.Problem }], CancellationToken.None).ConfigureAwait(false);
            LogTold(logger, marked.ChannelId, marked.ConversationId, result.Sent);
            told++;
        }

        return told;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PeriodicWork.RunAsync(NotifyAsync, Interval, time, ex => LogFailed(logger, ex), stoppingToken).ConfigureAwait(false);
    }

    private bool IsHeldByPageInbox(Handoff handoff) =>
        options.Messenger == MessengerHandoffDesk.PageInbox && handoff.ChannelId == MessengerActivityFactory.ChannelId;

    [LoggerMessage(Level = LogLevel.Information, Message = "Told the customer in {ChannelId}/{ConversationId} that a person will answer (sent: {Sent})")]
    private static partial void LogTold(ILogger logger, string channelId, string conversationId, bool sent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for unanswered hand-offs; looking again in 30 seconds")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
