using System.Globalization;
using ConversationBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.Engine;

/// <summary>
/// Runs one turn against a conversation's dialog stack: interruptions first (they work anywhere),
/// then root commands (which abandon the pending question and start the root afresh), then the
/// active dialog, or the root dialog when none is active. Loading and saving the stack is
/// the caller's job, so a turn that fails leaves the stored stack as it was.
/// </summary>
public sealed class DialogRunner(DialogSet dialogs, string rootDialogId, Func<string?, bool>? restartsRoot = null)
{
    public async Task<DialogTurnResult> RunAsync(ITurnContext turnContext, DialogStack stack, CultureInfo culture, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(turnContext, dialogs, stack, culture);
        var interruption = turnContext.Activity.Type == ActivityTypes.Message
            ? InterruptionRecognizer.Recognize(turnContext.Activity.Text)
            : Interruption.None;

        switch (interruption)
        {
            case Interruption.Help:
                await dc.SendTextAsync(dc.Texts[nameof(DialogStrings.Help)], cancellationToken).ConfigureAwait(false);
                if (dc.ActiveInstance is not null)
                {
                    await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
                    return DialogTurnResult.Waiting;
                }

                return await BeginRootAsync(dc, RootStart.Fresh, cancellationToken).ConfigureAwait(false);

            case Interruption.Cancel:
                var hadTask = dc.ActiveInstance is not null;
                dc.CancelAllDialogs();
                var key = hadTask ? nameof(DialogStrings.Cancelled) : nameof(DialogStrings.NothingToCancel);
                await dc.SendTextAsync(dc.Texts[key], cancellationToken).ConfigureAwait(false);
                return await BeginRootAsync(dc, RootStart.Fresh, cancellationToken).ConfigureAwait(false);

            case Interruption.StartOver:
                dc.CancelAllDialogs();
                await dc.SendTextAsync(dc.Texts[nameof(DialogStrings.StartingOver)], cancellationToken).ConfigureAwait(false);
                return await BeginRootAsync(dc, RootStart.Fresh, cancellationToken).ConfigureAwait(false);
        }

        if (dc.ActiveInstance is not null && turnContext.Activity.Type == ActivityTypes.Message && restartsRoot?.Invoke(turnContext.Activity.Text) == true)
        {
            // A root command (a menu item) mid-question: the customer changed their mind.
            dc.CancelAllDialogs();
        }

        if (dc.ActiveInstance is not null)
        {
            return await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        }

        return await BeginRootAsync(dc, RootStart.FromMessage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the pending question again, after a message something else answered.</summary>
    public Task RepromptAsync(ITurnContext turnContext, DialogStack stack, CultureInfo culture, CancellationToken cancellationToken) =>
        new DialogContext(turnContext, dialogs, stack, culture).RepromptAsync(cancellationToken);

    /// <summary>Starts the root dialog without a message to react to (e.g. right after the welcome).</summary>
    public Task<DialogTurnResult> StartAsync(ITurnContext turnContext, DialogStack stack, CultureInfo culture, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(turnContext, dialogs, stack, culture);
        dc.CancelAllDialogs();
        return BeginRootAsync(dc, RootStart.Fresh, cancellationToken);
    }

    private Task<DialogTurnResult> BeginRootAsync(DialogContext dc, RootStart start, CancellationToken cancellationToken) =>
        dc.BeginDialogAsync(rootDialogId, start, cancellationToken);
}
