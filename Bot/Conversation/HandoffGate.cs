using System.Globalization;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// Whether a person has the conversation, so the dialogs keep quiet; a hand-off that timed out is
/// released here and the customer told the bot is back. A hand-off is only ever opened inside a turn
/// of its conversation (Dialogs/CustomerService/HandoffDialog.cs marks it, <see cref="HandoffTurn"/>),
/// so the conversation's state remembers whether one may be open, and the store is asked only then:
/// the lookup that almost never found anything is gone from every other turn (docs/cosmos-db.md,
/// "What a turn costs"). A state from before this flag (no value) asks the store once.
/// </summary>
public sealed partial class HandoffGate
{
    private readonly IStatePropertyAccessor<bool?> _mayBeHandedOff;
    private readonly IHandoffStore _handoffs;
    private readonly TimeProvider _time;
    private readonly IHandoffChannel _channel;
    private readonly ILogger<HandoffGate> _logger;

    public HandoffGate(ConversationState conversationState, IHandoffStore handoffs, TimeProvider time, IHandoffChannel channel, ILogger<HandoffGate> logger)
    {
        _channel = channel;
        ArgumentNullException.ThrowIfNull(conversationState);
        _mayBeHandedOff = conversationState.CreateProperty<bool?>("mayBeHandedOff");
        _handoffs = handoffs;
        _time = time;
        _logger = logger;
    }

    public async Task<bool> IsHandedOffAsync(ITurnContext turnContext, CultureInfo culture, CancellationToken cancellationToken) =>
        await OpenHandoffAsync(turnContext, culture, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The hand-off a person has this conversation by, or <c>null</c> when the bot has it (a timed-out one released here).</summary>
    public async Task<Handoff?> OpenHandoffAsync(ITurnContext turnContext, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (await _mayBeHandedOff.GetAsync(turnContext, () => null, cancellationToken).ConfigureAwait(false) is false)
        {
            return null;
        }

        var activity = turnContext.Activity;
        var handoff = await _handoffs.FindAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        if (handoff is null)
        {
            // Released meanwhile (by the customer, an operator or its timeout) or never opened.
            await _mayBeHandedOff.SetAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (handoff.IsActiveAt(_time.GetUtcNow()))
        {
            await _mayBeHandedOff.SetAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
            LogSilentInHandoff(_logger, activity.ChannelId, activity.Conversation.Id);
            return handoff;
        }

        var released = await _handoffs.ReleaseAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        await _mayBeHandedOff.SetAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        if (!released)
        {
            // Ended meanwhile by another turn or by the Page Inbox's time-out timer
            // (Bot/Messenger/Handover/PageInboxTimeouts.cs), which said so: not twice.
            return null;
        }

        LogHandoffTimedOut(_logger, activity.ChannelId, activity.Conversation.Id);
        await _channel.ReleasedAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(Texts.For(culture)[nameof(DialogStrings.Handoff_Released)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>After the dialogs: a hand-off opened in this turn is remembered in the conversation's state.</summary>
    public async Task RememberAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (HandoffTurn.WasOpened(turnContext))
        {
            await _mayBeHandedOff.SetAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ChannelId}/{ConversationId} is handed off; the bot stays silent")]
    private static partial void LogSilentInHandoff(ILogger logger, string channelId, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hand-off of {ChannelId}/{ConversationId} timed out; the bot takes over again")]
    private static partial void LogHandoffTimedOut(ILogger logger, string channelId, string conversationId);
}
