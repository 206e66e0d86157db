using ConversationBot.Bot.Desk;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Notifications.Errors;
using Microsoft.Extensions.Options;
using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Messenger.Handover;

/// <summary>
/// With Meta's Page Inbox as the desk (<c>Handoff:Messenger=PageInbox</c>), a Messenger hand-off past
/// <c>Handoff:Timeout</c> is ended by a timer, not only at the customer's next message: the bot takes the
/// thread back from the inbox (<c>take_thread_control</c>), so that message reaches it, and says it is
/// back in the customer's language inside the 24-hour window (after it, the transcript notes why not). It
/// looks at start-up and every <see cref="Interval"/>. Once across instances: only the instance whose
/// release removed the hand-off (<see cref="IHandoffStore.ReleaseAsync"/> answers true to one) acts.
/// With the bot's own desk nothing changes: a timed-out hand-off ends at the customer's next message
/// (Bot/Conversation/HandoffGate.cs), as the bot then holds the thread anyway.
/// </summary>
public sealed partial class PageInboxTimeouts(
    IHandoffStore handoffs,
    IHandoffTranscriptStore transcripts,
    MessengerSendClient send,
    AgentReplySender sender,
    HandoffOptions options,
    IOptions<MessengerOptions> messenger,
    PlatformErrorClassifier classifier,
    TimeProvider time,
    ILogger<PageInboxTimeouts> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>One look; returns how many timed-out hand-offs this instance ended.</summary>
    public async Task<int> EndTimedOutAsync(CancellationToken cancellationToken)
    {
        var ended = 0;
        foreach (var handoff in await handoffs.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (handoff.ChannelId != MessengerActivityFactory.ChannelId || handoff.IsActiveAt(time.GetUtcNow())
                || !await handoffs.ReleaseAsync(handoff.ChannelId, handoff.ConversationId, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            // Released: from here on the stopping token is not passed on. This instance alone acts on the release, so
            // a take-back cut short by a stop would leave the thread with the inbox and the customer unanswered.
            var back = Texts.For(handoff.Culture())[nameof(DialogStrings.Handoff_Released)];
            string? note;
            try
            {
                await send.TakeThreadControlAsync(handoff.CustomerId, "hand-off timed out", CancellationToken.None).ConfigureAwait(false);
                note = (await sender.SendAsBotAsync(handoff, back, CancellationToken.None, takeThreadBack: false).ConfigureAwait(false)).Problem;
            }
            catch (PlatformRefusedException refused)
            {
                note = $"not sent: the thread could not be taken back from the Page Inbox ({classifier.Classify(refused.Error, time.GetUtcNow()).Explanation})";
            }

            await transcripts.AppendAsync(handoff, [new TranscriptEntry(time.GetUtcNow(), TranscriptAuthor.Bot, back) { Note = note }], CancellationToken.None).ConfigureAwait(false);
            LogEnded(logger, handoff.CustomerId, note is null);
            ended++;
        }

        return ended;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!messenger.Value.IsEnabled || options.Messenger != MessengerHandoffDesk.PageInbox)
        {
            return;
        }

        await PeriodicWork.RunAsync(EndTimedOutAsync, Interval, time, ex => LogFailed(logger, ex), stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover: the hand-off of {Psid} timed out; the bot took the thread back from the Page Inbox (greeted: {Greeted})")]
    private static partial void LogEnded(ILogger logger, string psid, bool greeted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for timed-out Page Inbox hand-offs; looking again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
