using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.Engine;

/// <summary>
/// Runs one turn against a conversation's dialog stack: the interruptions first, in their order
/// (they work anywhere, whatever is asked), then the active dialog, or the root dialog when none is
/// active. What follows an interruption (ask the pending question again, start the root) is decided
/// here, in one place. While a person has the conversation only the interruptions honoured during a
/// hand-off run, and nothing is asked. Loading and saving the stack is the caller's job, so a turn
/// that fails leaves the stored stack as it was.
/// </summary>
public sealed class DialogRunner(DialogSet dialogs, string rootDialogId, IEnumerable<IInterruption> interruptions)
{
    private readonly IInterruption[] _interruptions = [.. interruptions];

    public async Task<DialogTurnResult> RunAsync(ITurnContext turnContext, DialogStack stack, CultureInfo culture, bool handedOff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var dc = new DialogContext(turnContext, dialogs, stack, culture);
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            foreach (var interruption in _interruptions)
            {
                if (handedOff && !interruption.HonouredDuringHandoff)
                {
                    continue;
                }

                if (await interruption.TryAnswerAsync(dc, cancellationToken).ConfigureAwait(false) is { } outcome)
                {
                    return await FollowAsync(dc, outcome, handedOff, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (handedOff)
        {
            // A person has the conversation: the dialogs keep quiet.
            return DialogTurnResult.Waiting;
        }

        if (dc.ActiveInstance is not null)
        {
            return await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        }

        return await BeginRootAsync(dc, RootStart.FromMessage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the root dialog without a message to react to (e.g. right after the welcome).</summary>
    public Task<DialogTurnResult> StartAsync(ITurnContext turnContext, DialogStack stack, CultureInfo culture, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(turnContext, dialogs, stack, culture);
        dc.CancelAllDialogs();
        return BeginRootAsync(dc, RootStart.Fresh, cancellationToken);
    }

    private async Task<DialogTurnResult> FollowAsync(DialogContext dc, InterruptionOutcome outcome, bool handedOff, CancellationToken cancellationToken)
    {
        if (outcome.Kind is InterruptionKind.Reprompt or InterruptionKind.RepromptOrStartRoot && dc.ActiveInstance is not null && !handedOff)
        {
            await dc.RepromptAsync(outcome.Answer, cancellationToken).ConfigureAwait(false);
            return DialogTurnResult.Waiting;
        }

        if (outcome.Answer is { } answer)
        {
            // Nothing to bring back with it (no question pending, or a person has the conversation).
            await dc.SendTextAsync(answer, cancellationToken).ConfigureAwait(false);
        }

        switch (outcome.Kind)
        {
            case InterruptionKind.RepromptOrStartRoot or InterruptionKind.StartRoot when !handedOff:
                return await BeginRootAsync(dc, RootStart.Fresh, cancellationToken).ConfigureAwait(false);
            case InterruptionKind.RunRoot when !handedOff:
                return await BeginRootAsync(dc, RootStart.FromMessage, cancellationToken).ConfigureAwait(false);
            case InterruptionKind.HandoffEnded:
                dc.CancelAllDialogs();
                return await BeginRootAsync(dc, RootStart.Fresh, cancellationToken).ConfigureAwait(false);
            default:
                return DialogTurnResult.Waiting;
        }
    }

    private Task<DialogTurnResult> BeginRootAsync(DialogContext dc, RootStart start, CancellationToken cancellationToken) =>
        dc.BeginDialogAsync(rootDialogId, start, cancellationToken);
}
