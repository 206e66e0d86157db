using System.Runtime.ExceptionServices;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Conversation;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger;

/// <summary>
/// The Bot Framework adapter for Messenger: runs the same IBot for activities made from webhook
/// events and sends the replies through the Send API. Replies in a turn the customer started (a
/// message or postback) are always inside the 24-hour window; every other send (opt-in events,
/// proactive turns) is checked against the customer's last message and refused, not attempted,
/// when the window is closed.
/// <para>
/// A reply the Send API refuses for a moment (429, 5xx, a connection that never opened) is tried
/// again within the turn for a few seconds (the customer is waiting); if it still fails, the turn
/// fails and its event is tried again later (<see cref="Turns.MessengerTurnQueue"/>), where the
/// event's outbox (<see cref="MessengerOutbox"/>) keeps the replies that may have gone out from going twice.
/// </para>
/// </summary>
public sealed partial class MessengerAdapter : BotAdapter
{
    private const string OutboxKey = "ConversationBot.Messenger.Outbox";
    private const string DeadlineKey = "ConversationBot.Messenger.ReplyDeadline";

    /// <summary>How long a turn may keep trying a refused reply before it fails and is tried again later: the customer is waiting.</summary>
    public static readonly TimeSpan ReplyRetryBudget = TimeSpan.FromSeconds(3);

    private const int MaxReplyAttempts = 3;

    private readonly MessengerSendClient _send;
    private readonly IMessagingWindowStore _windows;
    private readonly PlatformErrorClassifier _classifier;
    private readonly TimeProvider _time;
    private readonly ILogger<MessengerAdapter> _logger;

    public MessengerAdapter(MessengerSendClient send, IMessagingWindowStore windows, PlatformErrorClassifier classifier, TimeProvider time, IOptions<BotOptions> botOptions, ILogger<MessengerAdapter> logger)
    {
        _send = send;
        _windows = windows;
        _classifier = classifier;
        _time = time;
        _logger = logger;
        var fallback = botOptions.Value.FallbackCulture;
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            LogTurnFailed(logger, exception, activity?.Type, activity?.Conversation?.Id);
            if (activity?.Type != ActivityTypes.Message || IsTransient(exception))
            {
                // An opt-in that could not be stored must come again, and so must a message whose
                // replies the Send API refused for a moment: its event is tried again later.
                // A proactive caller learns why its send did not happen.
                ExceptionDispatchInfo.Throw(exception);
            }

            // The customer sees an apology; retrying the message would answer it twice.
            var texts = Texts.For(TurnCulture.Of(turnContext, fallback));
            try
            {
                await turnContext.SendActivityAsync(texts[nameof(DialogStrings.Error_Apology)]).ConfigureAwait(false);
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                LogApologyFailed(logger, sendFailure, activity.Conversation?.Id);
            }
        };
    }

    /// <summary>Runs one turn for an activity made by <see cref="MessengerActivityFactory"/>; its replies go through <paramref name="outbox"/>.</summary>
    public async Task ProcessActivityAsync(Activity activity, MessengerOutbox? outbox, IBot bot, CancellationToken cancellationToken)
    {
        // The bot records the customer's message in the messaging window (one store for every channel).
        using var turnContext = new TurnContext(this, activity);
        turnContext.TurnState[DeadlineKey] = _time.GetUtcNow() + ReplyRetryBudget;
        if (activity.ChannelData is Newtonsoft.Json.Linq.JObject { } data && data.Value<bool?>("standby") == true)
        {
            // Another app (the Page Inbox) holds the thread: the bot listens but may not answer.
            Dialogs.Handoff.HandoffTurn.MarkThreadHeldElsewhere(turnContext);
        }
        if (outbox is not null)
        {
            turnContext.TurnState[OutboxKey] = outbox;
        }

        await RunPipelineAsync(turnContext, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            var psid = activity.Recipient?.Id ?? activity.Conversation?.Id;
            if (string.IsNullOrWhiteSpace(psid))
            {
                throw new InvalidOperationException("A Messenger reply needs the customer's PSID as recipient or conversation id.");
            }

            if (activity.Type is ActivityTypes.Message or ActivityTypes.Typing && Dialogs.Handoff.HandoffTurn.IsThreadHeldElsewhere(turnContext))
            {
                // Meta refuses sends from an app that does not hold the thread; the person in the inbox answers.
                LogHeldElsewhere(_logger, psid);
                responses.Add(new ResourceResponse(string.Empty));
                continue;
            }

            switch (activity.Type)
            {
                case ActivityTypes.Message:
                    await EnsureWindowOpenAsync(turnContext, psid, cancellationToken).ConfigureAwait(false);
                    string? lastId = null;
                    var outbox = turnContext.TurnState.Get<MessengerOutbox>(OutboxKey);
                    var deadline = turnContext.TurnState.TryGetValue(DeadlineKey, out var until) && until is DateTimeOffset d ? d : _time.GetUtcNow() + ReplyRetryBudget;
                    foreach (var message in MessengerMessageFactory.Messages(activity))
                    {
                        var result = outbox is null
                            ? await SendResponseAsync(psid, message, deadline, cancellationToken).ConfigureAwait(false)
                            : await outbox.SendOnceAsync(message, () => SendResponseAsync(psid, message, deadline, cancellationToken)).ConfigureAwait(false);
                        lastId = result?.MessageId ?? lastId;
                    }

                    responses.Add(new ResourceResponse(lastId ?? string.Empty));
                    break;
                case ActivityTypes.Typing:
                    await EnsureWindowOpenAsync(turnContext, psid, cancellationToken).ConfigureAwait(false);
                    await _send.SendSenderActionAsync(psid, "typing_on", cancellationToken).ConfigureAwait(false);
                    responses.Add(new ResourceResponse(string.Empty));
                    break;
                case ActivityTypes.Delay:
                    var delay = activity.Value is IConvertible ms ? TimeSpan.FromMilliseconds(ms.ToDouble(System.Globalization.CultureInfo.InvariantCulture)) : TimeSpan.FromSeconds(1);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    responses.Add(new ResourceResponse(string.Empty));
                    break;
                default:
                    // Traces, end of conversation...: Messenger has nothing to show for them.
                    responses.Add(new ResourceResponse(string.Empty));
                    break;
            }
        }

        return [.. responses];
    }

    /// <summary>Messenger cannot edit a sent message.</summary>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Messenger cannot update a sent message.");

    /// <summary>Messenger cannot delete a sent message.</summary>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Messenger cannot delete a sent message.");

    /// <summary>One reply, tried again while the platform refuses it for a moment and the turn's time allows.</summary>
    private async Task<MessengerSendResult> SendResponseAsync(string psid, System.Text.Json.Nodes.JsonObject message, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _send.SendResponseAsync(psid, message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (attempt < MaxReplyAttempts && RetryWait(failure, attempt) is { } wait && _time.GetUtcNow() + wait <= deadline)
            {
                LogReplyRetried(_logger, psid, attempt, wait);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>How long to wait before trying a failed reply again; null when it must not be tried again.</summary>
    private TimeSpan? RetryWait(Exception failure, int attempt)
    {
        var error = failure switch
        {
            MessengerSendException refused => refused.Error,
            HttpRequestException broken => Delivery.TransportFailure.Of(broken),
            _ => null,
        };
        if (error is null || _classifier.Classify(error, _time.GetUtcNow(), attempt).Kind != PlatformErrorActionKind.RetryLater)
        {
            return null;
        }

        // Retry-After when the platform gave one; otherwise at once: the customer is waiting, and the
        // attempts are few (the campaign runner, with time to spare, backs off instead).
        return error.RetryAfter ?? TimeSpan.Zero;
    }

    /// <summary>A failure that a later try of the same event could get past: the platform refused for a moment.</summary>
    private bool IsTransient(Exception exception) => RetryWait(exception, 1) is not null;

    private async Task EnsureWindowOpenAsync(ITurnContext turnContext, string psid, CancellationToken cancellationToken)
    {
        if (CustomerMessage.OpensWindow(turnContext.Activity))
        {
            return;
        }

        var window = await _windows.GetAsync(ChannelIds.Messenger, psid, cancellationToken).ConfigureAwait(false);
        if (!window.IsOpenAt(_time.GetUtcNow()))
        {
            LogOutsideWindow(_logger, psid, window.LastCustomerMessageAt);
            throw new MessengerWindowClosedException(psid, window.LastCustomerMessageAt);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Messenger send to {Psid}: outside the 24-hour window (last customer message {LastCustomerMessage}) and no notification token; not attempted")]
    private static partial void LogOutsideWindow(ILogger logger, string psid, DateTimeOffset? lastCustomerMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Messenger turn failed for a {ActivityType} activity in conversation {ConversationId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityType, string? conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply to {Psid} was refused for a moment (attempt {Attempt}); trying again in {Wait}")]
    private static partial void LogReplyRetried(ILogger logger, string psid, int attempt, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology to Messenger conversation {ConversationId}")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, string? conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not sent to {Psid}: another app (the Page Inbox) holds the thread")]
    private static partial void LogHeldElsewhere(ILogger logger, string psid);
}
