using ConversationBot.Bot.Messenger.Comments;
using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Bot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Turns;

/// <summary>
/// Runs one stored webhook event: claims it in the event log, runs the bot through the Messenger
/// adapter with the event's outbox (or, for an opt-in, stop or resume, records the consent change
/// without a turn), and completes it; gives it back when it failed for a
/// passing reason, and sets it aside when it can never succeed (a poison event), so nothing is
/// refused forever and nothing blocks the customer's later events for good.
/// </summary>
public sealed partial class MessengerTurnRunner(
    MessengerAdapter adapter,
    IBot bot,
    MessengerOptInHandler optIns,
    CommentReplier comments,
    Handover.MessengerHandover handovers,
    IMessengerEventLog eventLog,
    BotTelemetry telemetry,
    IOptions<MessengerOptions> options,
    ILogger<MessengerTurnRunner> logger)
{
    public async Task<TurnOutcome> RunAsync(QueuedEvent queued)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var messagingEvent = queued.Event ?? WebhookReader.ReadStored(queued.Raw).Event;
        EventWork? work;
        try
        {
            work = messagingEvent is null ? null : EventWork.Of(messagingEvent, options.Value.Locale);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            work = null;
            LogNoWork(logger, ex, queued.Key);
        }

        MessengerEventTurn turn;
        try
        {
            // Not cancellable from here on: a turn cut short would have sent replies without saving its state.
            turn = await eventLog.ClaimAsync(queued.Key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsPassing(ex))
        {
            LogClaimFailed(logger, ex, queued.Key);
            return TurnOutcome.RetryLater;
        }

        switch (turn.Claim)
        {
            case MessengerEventClaim.AlreadyProcessed:
                LogDuplicate(logger, queued.Key);
                return TurnOutcome.Finished;
            case MessengerEventClaim.InProgress:
                return TurnOutcome.HeldElsewhere;
            default:
                break;
        }

        if (work is null || messagingEvent is null)
        {
            // Stored by the POST's checks as runnable, unreadable now: the same every time.
            await SetAsideAsync(queued, "neither a turn nor a consent change can be made of it", "unreadable").ConfigureAwait(false);
            return TurnOutcome.Finished;
        }

        try
        {
            if (work.Consent is { } consent)
            {
                await optIns.HandleAsync(consent, CancellationToken.None).ConfigureAwait(false);
            }
            else if (work.IsHandover)
            {
                await handovers.HandleAsync(messagingEvent, new MessengerOutbox(eventLog, queued.Key, turn.SentReplies), CancellationToken.None).ConfigureAwait(false);
            }
            else if (work.IsComment)
            {
                await comments.ReplyAsync(messagingEvent, new MessengerOutbox(eventLog, queued.Key, turn.SentReplies), CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                var outbox = new MessengerOutbox(eventLog, queued.Key, turn.SentReplies);
                await adapter.ProcessActivityAsync(work.Turn!, outbox, bot, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsPassing(ex) && turn.Attempts < MessengerEndpoints.MaxAttemptsOfPassingFailures)
        {
            // The turn did not happen (storage down, the Send API refusing for a while): give the
            // event back; the sender's line tries it again later, replies already out are not repeated.
            LogTurnFailed(logger, ex, queued.Key, turn.Attempts);
            await ReleaseAsync(queued.Key).ConfigureAwait(false);
            return TurnOutcome.RetryLater;
        }
        catch (Exception ex)
        {
            // It failed the same way every time, or for a reason no retry changes: a poison event.
            // Set aside, so the customer's later events run; an operator sees why.
            LogPoison(logger, ex, queued.Key, turn.Attempts);
            await SetAsideAsync(queued, $"the turn failed on attempt {turn.Attempts}: {ex.Message}", "turn_failed").ConfigureAwait(false);
            return TurnOutcome.Finished;
        }

        try
        {
            await eventLog.CompleteAsync(queued.Key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsPassing(ex))
        {
            // The turn ran and its replies are recorded; a run after the lease finds them and sends nothing twice.
            LogCompleteFailed(logger, ex, queued.Key);
            return TurnOutcome.RetryLater;
        }

        return TurnOutcome.Finished;
    }

    /// <summary>A failure of something outside the event (a store, the network, the Send API) that a later try may get past.</summary>
    public static bool IsPassing(Exception exception) =>
        exception is HttpRequestException or TimeoutException or IOException or System.Data.Common.DbException
            or Microsoft.Azure.Cosmos.CosmosException or ConversationBot.Notifications.Errors.PlatformRefusedException or OperationCanceledException;

    private async Task ReleaseAsync(string key)
    {
        try
        {
            await eventLog.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsPassing(ex))
        {
            // The claim then runs out with its lease instead.
            LogReleaseFailed(logger, ex, key);
        }
    }

    private async Task SetAsideAsync(QueuedEvent queued, string reason, string kind)
    {
        await eventLog.SetAsideAsync(queued.Key, queued.Raw, reason, CancellationToken.None).ConfigureAwait(false);
        telemetry.RecordSetAside(kind);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Neither a turn nor a consent change can be made of Messenger event {EventKey}")]
    private static partial void LogNoWork(ILogger logger, Exception exception, string eventKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped Messenger event {EventKey}: already processed")]
    private static partial void LogDuplicate(ILogger logger, string eventKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim Messenger event {EventKey}; trying again later")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception, string eventKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Messenger event {EventKey} failed on attempt {Attempts}; trying again later")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string eventKey, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Set aside Messenger event {EventKey}: its turn failed on attempt {Attempts} and would fail again")]
    private static partial void LogPoison(ILogger logger, Exception exception, string eventKey, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record Messenger event {EventKey} as done; trying again later")]
    private static partial void LogCompleteFailed(ILogger logger, Exception exception, string eventKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give Messenger event {EventKey} back; its claim runs out with the turn lease")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string eventKey);
}
