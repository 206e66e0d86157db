using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Errors;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Messenger.Handover;

/// <summary>
/// With <c>Handoff:Messenger=PageInbox</c>, a Messenger hand-off moves the thread with Meta's handover
/// protocol: when the customer asks for a person (after the bot told them) the thread is passed to the
/// Page Inbox, and when the hand-off ends in a customer's turn ("back to the bot", the time-out) the bot
/// takes it back before it says it is back. Other channels, and the Console mode, keep the conversation.
/// A pass Meta refuses leaves the hand-off with the bot's own desk, logged with the classifier's reason.
/// </summary>
public sealed partial class MessengerThreadControl(
    MessengerSendClient send,
    HandoffOptions options,
    PlatformErrorClassifier classifier,
    TimeProvider time,
    ILogger<MessengerThreadControl> logger) : IHandoffChannel
{
    public async Task OpenedAsync(ITurnContext turnContext, Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!InPageInboxMode(turnContext))
        {
            return;
        }

        var psid = turnContext.Activity.From.Id;
        try
        {
            await send.PassThreadControlAsync(psid, options.PageInboxAppId, "talk to a person", cancellationToken).ConfigureAwait(false);
            HandoffTurn.MarkThreadHeldElsewhere(turnContext);
            LogPassed(logger, psid);
        }
        catch (PlatformRefusedException refused)
        {
            // The customer was told a person will answer: the bot's own desk (console, admin API) has the hand-off then.
            LogPassRefused(logger, psid, classifier.Classify(refused.Error, time.GetUtcNow()).Explanation);
        }
    }

    public async Task ReleasedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!InPageInboxMode(turnContext) || !HandoffTurn.IsThreadHeldElsewhere(turnContext))
        {
            return;
        }

        var psid = turnContext.Activity.From.Id;
        await send.TakeThreadControlAsync(psid, "back to the bot", cancellationToken).ConfigureAwait(false);
        HandoffTurn.MarkThreadTakenBack(turnContext);
        LogTaken(logger, psid);
    }

    private bool InPageInboxMode(ITurnContext turnContext) =>
        options.Messenger == MessengerHandoffDesk.PageInbox && turnContext.Activity.ChannelId == MessengerActivityFactory.ChannelId;

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover: passed the thread of {Psid} to the Page Inbox")]
    private static partial void LogPassed(ILogger logger, string psid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handover: Meta refused to pass the thread of {Psid} to the Page Inbox ({Reason}); the bot's own desk has the hand-off")]
    private static partial void LogPassRefused(ILogger logger, string psid, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover: took the thread of {Psid} back from the Page Inbox")]
    private static partial void LogTaken(ILogger logger, string psid);
}
