namespace ConversationBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: the dialog context, its own persisted values, and the previous step's result.</summary>
public sealed class WaterfallStepContext(DialogContext dc, WaterfallDialog waterfall, object? options, object? result)
{
    public DialogContext Dialog { get; } = dc;

    /// <summary>The options the waterfall was started with; only the first step sees them, so copy what later steps need into <see cref="Values"/>.</summary>
    public object? Options { get; } = options;

    /// <summary>The result of the prompt or child dialog the previous step started.</summary>
    public object? Result { get; } = result;

    public Dictionary<string, string> Values => Dialog.RequiredInstance.Values;

    public Localization.Texts Texts => Dialog.Texts;

    /// <summary>Skips waiting for the customer and runs the next step at once.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken) =>
        waterfall.RunNextStepAsync(Dialog, result, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string promptId, Prompts.PromptOptions options, CancellationToken cancellationToken) =>
        Dialog.BeginDialogAsync(promptId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        Dialog.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndAsync(object? result, CancellationToken cancellationToken) =>
        Dialog.EndDialogAsync(result, cancellationToken);

    public Task SendTextAsync(string text, CancellationToken cancellationToken) => Dialog.SendTextAsync(text, cancellationToken);
}
