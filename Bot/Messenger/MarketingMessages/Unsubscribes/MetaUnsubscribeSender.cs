using ConversationBot.Notifications.Products.Unsubscribes;

namespace ConversationBot.Bot.Messenger.MarketingMessages.Unsubscribes;

/// <summary>
/// Sends the outbox's unsubscribes to Meta (<see cref="MarketingMessagesClient.UnsubscribeAsync"/>) as soon as one is
/// added, and the ones still due every <see cref="Recheck"/> of the host's clock: an answer marks it done (Meta's
/// <c>invalid_rows_count</c> said with it), no answer or a refusal schedules another attempt (<see cref="MetaUnsubscribe.Failed"/>),
/// never giving up. An unsubscribe is idempotent at Meta, so one whose answer was lost is simply sent again.
/// Every instance runs this; two sending the same one at once send Meta the same unsubscribe twice, which ends
/// the same subscription once.
/// </summary>
public sealed partial class MetaUnsubscribeSender(
    IMetaUnsubscribeOutbox outbox,
    MarketingMessagesClient client,
    MetaUnsubscribes unsubscribes,
    MetaUnsubscribeSignal signal,
    TimeProvider clock,
    ILogger<MetaUnsubscribeSender> logger) : BackgroundService
{
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!unsubscribes.IsOn)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var seen = signal.Wakes;
            try
            {
                await SendDueAsync(stoppingToken).ConfigureAwait(false);
                await signal.WaitAsync(seen, Recheck, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The outbox could not be read: everything stays in it for the next look.
                LogOutboxUnreadable(logger, ex);
                await signal.WaitAsync(signal.Wakes, Recheck, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One look: every due unsubscribe sent once; what each attempt came to is saved.</summary>
    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        foreach (var due in await outbox.ListDueAsync(clock.GetUtcNow(), Batch, cancellationToken).ConfigureAwait(false))
        {
            MetaUnsubscribe next;
            try
            {
                var invalid = await client.UnsubscribeAsync(due.Identifier, due.Value!, cancellationToken).ConfigureAwait(false);
                next = due.Answered(clock.GetUtcNow(), invalid);
                if (invalid > 0)
                {
                    LogInvalid(logger, due.Id, due.Identifier);
                }
            }
            catch (Exception ex) when (ex is MessengerSendException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var retryAfter = ex is MessengerSendException { Error.RetryAfter: { } wait } ? wait : (TimeSpan?)null;
                next = due.Failed(clock.GetUtcNow(), ex.Message, retryAfter);
                LogFailed(logger, due.Id, next.Attempts, next.NextAttemptAt, ex.Message);
            }

            await outbox.SaveAsync(next, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta counted unsubscribe {Id} ({Identifier}) as an invalid row: it knows no such subscriber; done")]
    private static partial void LogInvalid(ILogger logger, string id, MetaUnsubscribeIdentifier identifier);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unsubscribe {Id} did not reach Meta (attempt {Attempts}); next attempt at {NextAttemptAt}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string id, int attempts, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The unsubscribe outbox could not be read; it is looked at again shortly")]
    private static partial void LogOutboxUnreadable(ILogger logger, Exception exception);
}
