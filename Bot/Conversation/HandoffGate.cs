using System.Globalization;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// Whether a person has the conversation, so the dialogs keep quiet; a hand-off that timed out is
/// released here and the customer told the bot is back.
/// </summary>
public sealed partial class HandoffGate(IHandoffStore handoffs, TimeProvider time, ILogger<HandoffGate> logger)
{
    public async Task<bool> IsHandedOffAsync(ITurnContext turnContext, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var handoff = await handoffs.FindAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        if (handoff is null)
        {
            return false;
        }

        if (handoff.IsActiveAt(time.GetUtcNow()))
        {
            LogSilentInHandoff(logger, activity.ChannelId, activity.Conversation.Id);
            return true;
        }

        await handoffs.ReleaseAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        LogHandoffTimedOut(logger, activity.ChannelId, activity.Conversation.Id);
        await turnContext.SendActivityAsync(Texts.For(culture)[nameof(DialogStrings.Handoff_Released)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ChannelId}/{ConversationId} is handed off; the bot stays silent")]
    private static partial void LogSilentInHandoff(ILogger logger, string channelId, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hand-off of {ChannelId}/{ConversationId} timed out; the bot takes over again")]
    private static partial void LogHandoffTimedOut(ILogger logger, string channelId, string conversationId);
}
