namespace ConversationBot.Dialogs.Engine;

/// <summary>
/// Something a customer can say anywhere in a conversation, whatever the dialogs are asking: help,
/// cancel, start over, a notifications command, a menu item, a photo. The <see cref="DialogRunner"/>
/// asks each in turn before the pending question gets the message, and does what the answer says
/// next (<see cref="InterruptionOutcome"/>): the one place where the pending question is asked again.
/// </summary>
public interface IInterruption
{
    /// <summary>Whether it is honoured while a person has the conversation (a stop is: it must be honoured at once).</summary>
    bool HonouredDuringHandoff { get; }

    /// <summary>Answers the message when it is this interruption; null when it is not.</summary>
    Task<InterruptionOutcome?> TryAnswerAsync(DialogContext dc, CancellationToken cancellationToken);
}
