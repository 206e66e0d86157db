using System.Globalization;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Dialogs.Shop;
using ConversationBot.Bot.Telemetry;
using ConversationBot.Notifications.Window;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// The turn handler: welcomes new customers, keeps the messaging window, answers notification
/// commands (opt-in cards, stop, resume) whatever is pending, keeps quiet in handed-off
/// conversations, and runs the dialogs for everything else. State is saved only when a turn succeeds.
/// </summary>
public sealed partial class CustomerServiceBot : IBot
{
    /// <summary>How stale the stored window stamp may get while a customer keeps writing; one write a minute instead of one per message.</summary>
    public static readonly TimeSpan WindowStampResolution = TimeSpan.FromMinutes(1);

    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<DialogStack> _dialogStack;
    private readonly IStatePropertyAccessor<DateTimeOffset?> _windowStampedAt;
    private readonly DialogRunner _dialogs;
    private readonly IHandoffStore _handoffs;
    private readonly ConsentCommands _consentCommands;
    private readonly IMessagingWindowStore _windows;
    private readonly ShopOptions _shop;
    private readonly TimeProvider _time;
    private readonly CultureInfo _fallbackCulture;
    private readonly BotTelemetry _telemetry;
    private readonly ILogger<CustomerServiceBot> _logger;

    public CustomerServiceBot(
        ConversationState conversationState,
        DialogRunner dialogs,
        IHandoffStore handoffs,
        ConsentCommands consentCommands,
        IMessagingWindowStore windows,
        ShopOptions shop,
        TimeProvider time,
        IOptions<BotOptions> options,
        BotTelemetry telemetry,
        ILogger<CustomerServiceBot> logger)
    {
        _conversationState = conversationState;
        _dialogStack = conversationState.CreateProperty<DialogStack>("dialogStack");
        _windowStampedAt = conversationState.CreateProperty<DateTimeOffset?>("windowStampedAt");
        _dialogs = dialogs;
        _handoffs = handoffs;
        _consentCommands = consentCommands;
        _windows = windows;
        _shop = shop;
        _time = time;
        _fallbackCulture = options.Value.FallbackCulture;
        _telemetry = telemetry;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var channel = activity.ChannelId ?? "unknown";
        var type = activity.Type ?? "unknown";
        using var span = _telemetry.StartTurn(channel, type, activity.Conversation?.Id);
        var started = _time.GetTimestamp();
        string? errorType = null;
        try
        {
            await RunTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The adapter's error handler logs and apologises; here the turn is only counted as failed.
            errorType = ex.GetType().Name;
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, errorType);
            throw;
        }
        finally
        {
            _telemetry.RecordTurn(channel, type, _time.GetElapsedTime(started), errorType);
        }
    }

    private async Task RunTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var culture = SupportedCultures.Resolve(activity.Locale, _fallbackCulture);
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                await WelcomeNewMembersAsync(turnContext, culture, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Message:
                await AnswerMessageAsync(turnContext, culture, cancellationToken).ConfigureAwait(false);
                break;
            default:
                // typing, event, installationUpdate, ...: nothing for a customer-service bot to say.
                return;
        }

        await _conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task WelcomeNewMembersAsync(ITurnContext turnContext, CultureInfo culture, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var newCustomers = (activity.MembersAdded ?? []).Where(member => member.Id != activity.Recipient?.Id).ToList();
        if (newCustomers.Count == 0)
        {
            return;
        }

        var welcome = ShopCards.Welcome(newCustomers[0].Name, _shop, culture);
        await turnContext.SendActivityAsync(MessageFactory.Attachment(welcome), cancellationToken).ConfigureAwait(false);
        var stack = await _dialogStack.GetAsync(turnContext, () => new DialogStack(), cancellationToken).ConfigureAwait(false);
        await _dialogs.StartAsync(turnContext, stack, culture, cancellationToken).ConfigureAwait(false);
        await _dialogStack.SetAsync(turnContext, stack, cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerMessageAsync(ITurnContext turnContext, CultureInfo culture, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!ConsentCommands.IsOptInAnswer(activity))
        {
            await RecordCustomerMessageAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }

        // Before the hand-off check: a "stop" is honoured at once, even while a person has the conversation.
        if (await _consentCommands.TryHandleAsync(turnContext, culture, cancellationToken).ConfigureAwait(false))
        {
            var pending = await _dialogStack.GetAsync(turnContext, () => new DialogStack(), cancellationToken).ConfigureAwait(false);
            if (pending.Top is not null && !await IsHandedOffAsync(activity, culture, turnContext, cancellationToken).ConfigureAwait(false))
            {
                await _dialogs.RepromptAsync(turnContext, pending, culture, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (await IsHandedOffAsync(activity, culture, turnContext, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(activity.Text) && activity.Value is null && activity.Attachments?.Count > 0)
        {
            // A photo of a damaged parcel is not an answer to the pending question; say so without using up a re-prompt.
            await turnContext.SendActivityAsync(Texts.For(culture)[nameof(DialogStrings.Unsupported_Attachment)], cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var stack = await _dialogStack.GetAsync(turnContext, () => new DialogStack(), cancellationToken).ConfigureAwait(false);
        await _dialogs.RunAsync(turnContext, stack, culture, cancellationToken).ConfigureAwait(false);
        await _dialogStack.SetAsync(turnContext, stack, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens (or keeps open) the 24-hour messaging window: only a customer's own message does. The
    /// answer to an opt-in card is not counted, because Messenger does not count an opt-in either.
    /// </summary>
    private async Task RecordCustomerMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // The window starts when the customer wrote; a channel clock ahead of ours must not stretch it.
        var activity = turnContext.Activity;
        var now = _time.GetUtcNow();
        var at = activity.Timestamp is { } sent && sent < now ? sent : now;

        // Stamped moments ago (this conversation's state says so, or the store does): skipping can
        // only make our window close earlier than the platform's, by less than the resolution, never later.
        if (await _windowStampedAt.GetAsync(turnContext, () => null, cancellationToken).ConfigureAwait(false) is { } stamped && IsRecent(stamped, at))
        {
            return;
        }

        var window = await _windows.GetAsync(activity.ChannelId, activity.From.Id, cancellationToken).ConfigureAwait(false);
        if (window.LastCustomerMessageAt is not { } last || !IsRecent(last, at))
        {
            window.RecordCustomerMessage(at);
            await _windows.SaveAsync(window, cancellationToken).ConfigureAwait(false);
        }

        await _windowStampedAt.SetAsync(turnContext, window.LastCustomerMessageAt, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsRecent(DateTimeOffset stamped, DateTimeOffset at) => at >= stamped && at - stamped < WindowStampResolution;

    /// <summary>True while a person has the conversation; an expired hand-off is released and the customer told the bot is back.</summary>
    private async Task<bool> IsHandedOffAsync(IActivity activity, CultureInfo culture, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var handoff = await _handoffs.FindAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        if (handoff is null)
        {
            return false;
        }

        if (handoff.IsActiveAt(_time.GetUtcNow()))
        {
            LogSilentInHandoff(_logger, activity.ChannelId, activity.Conversation.Id);
            return true;
        }

        await _handoffs.ReleaseAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        LogHandoffTimedOut(_logger, activity.ChannelId, activity.Conversation.Id);
        await turnContext.SendActivityAsync(Texts.For(culture)[nameof(DialogStrings.Handoff_Released)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ChannelId}/{ConversationId} is handed off; the bot stays silent")]
    private static partial void LogSilentInHandoff(ILogger logger, string channelId, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hand-off of {ChannelId}/{ConversationId} timed out; the bot takes over again")]
    private static partial void LogHandoffTimedOut(ILogger logger, string channelId, string conversationId);
}
