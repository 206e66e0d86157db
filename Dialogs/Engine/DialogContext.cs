using System.Globalization;
using ConversationBot.Dialogs.Localization;
using Microsoft.Bot.Builder;

namespace ConversationBot.Dialogs.Engine;

/// <summary>One turn's view of the dialog stack: what dialogs use to talk, start children and end.</summary>
public sealed class DialogContext(ITurnContext turnContext, DialogSet dialogs, DialogStack stack, CultureInfo culture)
{
    public ITurnContext Context { get; } = turnContext;

    public DialogStack Stack { get; } = stack;

    public CultureInfo Culture { get; } = culture;

    public Texts Texts { get; } = Texts.For(culture);

    public DialogInstance? ActiveInstance => Stack.Top;

    public DialogInstance RequiredInstance =>
        Stack.Top ?? throw new InvalidOperationException("No dialog is active.");

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = dialogs.Find(dialogId);
        Stack.Frames.Add(new DialogInstance { DialogId = dialogId });
        return await dialog.BeginAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        var top = Stack.Top;
        if (top is null)
        {
            return DialogTurnResult.Empty;
        }

        if (!dialogs.Contains(top.DialogId))
        {
            // A stack saved by an older version of the bot names a dialog that no longer exists:
            // drop it rather than fail every turn of this conversation.
            Stack.Frames.Clear();
            return DialogTurnResult.Empty;
        }

        return await dialogs.Find(top.DialogId).ContinueAsync(this, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        if (Stack.Frames.Count > 0)
        {
            Stack.Frames.RemoveAt(Stack.Frames.Count - 1);
        }

        var parent = Stack.Top;
        if (parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        return await dialogs.Find(parent.DialogId).ResumeAsync(this, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the dialog on top without resuming its parent, and starts another in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        if (Stack.Frames.Count > 0)
        {
            Stack.Frames.RemoveAt(Stack.Frames.Count - 1);
        }

        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    public void CancelAllDialogs() => Stack.Frames.Clear();

    /// <summary>Asks the pending question again; with an answer, the answer first (<see cref="Dialog.RepromptAfterAsync"/>).</summary>
    public async Task RepromptAsync(string? answer, CancellationToken cancellationToken)
    {
        var top = Stack.Top;
        if (top is not null && dialogs.Contains(top.DialogId))
        {
            var dialog = dialogs.Find(top.DialogId);
            await (answer is null
                ? dialog.RepromptAsync(this, cancellationToken)
                : dialog.RepromptAfterAsync(this, answer, cancellationToken)).ConfigureAwait(false);
        }
        else if (answer is not null)
        {
            await SendTextAsync(answer, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        Context.SendActivityAsync(text, cancellationToken: cancellationToken);
}
