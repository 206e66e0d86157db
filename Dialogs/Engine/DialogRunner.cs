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
        switch (outcome)
        {
            case InterruptionOutcome.Reprompt or InterruptionOutcome.RepromptOrStartRoot when dc.ActiveInstance is not null:
                if (!handedOff)
                {
                    await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
                }

                return DialogTurnResult.Waiting;
            case InterruptionOutcome.RepromptOrStartRoot or InterruptionOutcome.StartRoot when !handedOff:
                return await BeginRootAsync(dc, RootStart.Fresh, cancellationToken).ConfigureAwait(false);
            case InterruptionOutcome.RunRoot when !handedOff:
                return await BeginRootAsync(dc, RootStart.FromMessage, cancellationToken).ConfigureAwait(false);
            case InterruptionOutcome.HandoffEnded:
                dc.CancelAllDialogs();
                return await BeginRootAsync(dc, RootStart.Fresh, cancellationToken).ConfigureAwait(false);
            default:
                return DialogTurnResult.Waiting;
        }
    }

    private Task<DialogTurnResult> BeginRootAsync(DialogContext dc, RootStart start, CancellationToken cancellationToken) =>
        dc.BeginDialogAsync(rootDialogId, start, cancellationToken);
}
