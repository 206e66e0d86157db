using System.Runtime.ExceptionServices;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
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
/// </summary>
public sealed partial class MessengerAdapter : BotAdapter
{
    private const string CustomerTurnKey = "ConversationBot.Messenger.CustomerTurn";

    private readonly MessengerSendClient _send;
    private readonly IMessagingWindowStore _windows;
    private readonly TimeProvider _time;
    private readonly ILogger<MessengerAdapter> _logger;

    public MessengerAdapter(MessengerSendClient send, IMessagingWindowStore windows, TimeProvider time, IOptions<BotOptions> botOptions, ILogger<MessengerAdapter> logger)
    {
        _send = send;
        _windows = windows;
        _time = time;
        _logger = logger;
        var fallback = botOptions.Value.FallbackCulture;
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            LogTurnFailed(logger, exception, activity?.Type, activity?.Conversation?.Id);
            if (activity?.Type != ActivityTypes.Message)
            {
                // An opt-in that could not be stored must come again: the webhook answers non-200 and Meta redelivers.
                // A proactive caller learns why its send did not happen.
                ExceptionDispatchInfo.Throw(exception);
            }

            // The customer sees an apology; retrying the message would answer it twice.
            var texts = Texts.For(SupportedCultures.Resolve(activity.Locale, fallback));
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

    /// <summary>Runs one turn for an activity made by <see cref="MessengerActivityFactory"/>.</summary>
    public async Task ProcessActivityAsync(Activity activity, bool isCustomerMessage, IBot bot, CancellationToken cancellationToken)
    {
        // The bot records the customer's message in the messaging window (one store for every channel).
        using var turnContext = new TurnContext(this, activity);
        turnContext.TurnState[CustomerTurnKey] = isCustomerMessage;
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

            switch (activity.Type)
            {
                case ActivityTypes.Message:
                    await EnsureWindowOpenAsync(turnContext, psid, cancellationToken).ConfigureAwait(false);
                    string? lastId = null;
                    foreach (var message in MessengerMessageFactory.Messages(activity))
                    {
                        lastId = (await _send.SendResponseAsync(psid, message, cancellationToken).ConfigureAwait(false)).MessageId ?? lastId;
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

    private async Task EnsureWindowOpenAsync(ITurnContext turnContext, string psid, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.TryGetValue(CustomerTurnKey, out var customerTurn) && customerTurn is true)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology to Messenger conversation {ConversationId}")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, string? conversationId);
}
