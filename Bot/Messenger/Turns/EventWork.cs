using ConversationBot.Bot.Messenger.Webhook;
using ConversationBot.Notifications.Consent;
using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Messenger.Turns;

/// <summary>
/// What a webhook event asks of the bot: a turn (a message or postback, as an activity for the
/// dialogs), a consent change (an opt-in, stop or resume, straight to the consent service) or a
/// comment to answer privately. The
/// webhook decides it before storing the event, the runner again before running it.
/// </summary>
public sealed record EventWork(Activity? Turn, ConsentEvent? Consent)
{
    /// <summary>A comment on the Page's posts that may get a private reply (Bot/Messenger/Comments/CommentReplier.cs).</summary>
    public bool IsComment { get; private init; }

    /// <summary>A handover protocol event (the thread passed back, taken, requested): Bot/Messenger/Handover/MessengerHandover.cs.</summary>
    public bool IsHandover { get; private init; }

    /// <summary>The work, or null when there is none (receipts, echoes, an opt-in without a token); throws when the event's shape allows neither.</summary>
    public static EventWork? Of(MessagingEvent messagingEvent, string? locale)
    {
        ArgumentNullException.ThrowIfNull(messagingEvent);
        if (MessengerOptIn.IsNotificationMessages(messagingEvent))
        {
            return MessengerOptIn.From(messagingEvent) is { } consent ? new EventWork(null, consent) : null;
        }

        if (messagingEvent.IsHandover)
        {
            return new EventWork(null, null) { IsHandover = true };
        }

        if (messagingEvent.Comment is not null)
        {
            return Comments.CommentReplier.IsAnswerable(messagingEvent) ? new EventWork(null, null) { IsComment = true } : null;
        }

        return MessengerActivityFactory.ToActivity(messagingEvent, locale) is { } activity ? new EventWork(activity, null) : null;
    }
}
