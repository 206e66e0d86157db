using ConversationBot.Dialogs.Resources;

namespace ConversationBot.Dialogs.Engine;

/// <summary>"help", "cancel", "start over" and a greeting (and their German forms), typed as the whole message (<see cref="InterruptionRecognizer"/>).</summary>
public sealed class CommandInterruption : IInterruption
{
    public bool HonouredDuringHandoff => false;

    public async Task<InterruptionOutcome?> TryAnswerAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        switch (InterruptionRecognizer.Recognize(dc.Context.Activity.Text))
        {
            case Interruption.Help:
                await dc.SendTextAsync(dc.Texts[nameof(DialogStrings.Help)], cancellationToken).ConfigureAwait(false);
                return InterruptionOutcome.RepromptOrStartRoot;
            case Interruption.Cancel:
                var hadTask = dc.ActiveInstance is not null;
                dc.CancelAllDialogs();
                await dc.SendTextAsync(dc.Texts[hadTask ? nameof(DialogStrings.Cancelled) : nameof(DialogStrings.NothingToCancel)], cancellationToken).ConfigureAwait(false);
                return InterruptionOutcome.StartRoot;
            case Interruption.Greeting when dc.ActiveInstance is not null:
                // A greeting while a question waits (the menu right after the welcome, as the Agents
                // Playground's first message is): greeted back with the question's buttons, instead of
                // "Sorry, I didn't understand". With nothing pending, the menu answers it as a first message.
                return InterruptionOutcome.AnswerThenReprompt(dc.Texts[nameof(DialogStrings.Greeting_Reply)]);
            case Interruption.StartOver:
                dc.CancelAllDialogs();
                await dc.SendTextAsync(dc.Texts[nameof(DialogStrings.StartingOver)], cancellationToken).ConfigureAwait(false);
                return InterruptionOutcome.StartRoot;
            default:
                return null;
        }
    }
}
