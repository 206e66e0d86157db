namespace ConversationBot.Dialogs.Engine;

/// <summary>
/// A unit of conversation. Dialogs are stateless singletons: everything a dialog must remember
/// between turns lives in its <see cref="DialogInstance"/> on the persisted stack.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>The customer answered while this dialog was on top.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog this one started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Ask the pending question again, e.g. after "help"; the default has nothing to ask.</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Says an interruption's answer, then asks the pending question again; a prompt may say both in one message.</summary>
    public virtual async Task RepromptAfterAsync(DialogContext dc, string answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await dc.SendTextAsync(answer, cancellationToken).ConfigureAwait(false);
        await RepromptAsync(dc, cancellationToken).ConfigureAwait(false);
    }
}
