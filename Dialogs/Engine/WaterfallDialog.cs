namespace ConversationBot.Dialogs.Engine;

/// <summary>
/// A dialog made of steps run in order. Each step either waits (it asked something or started a
/// child) or moves on; the step index is persisted so a restart continues at the same step.
/// </summary>
public class WaterfallDialog : Dialog
{
    private readonly List<WaterfallStep> steps = [];

    public WaterfallDialog(string id, IEnumerable<WaterfallStep> steps)
        : base(id) => this.steps.AddRange(steps);

    /// <summary>For dialogs that list their steps as named methods in their own constructor.</summary>
    protected WaterfallDialog(string id)
        : base(id)
    {
    }

    protected void AddSteps(params WaterfallStep[] stepsInOrder) => steps.AddRange(stepsInOrder);

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        dc.RequiredInstance.Step = 0;
        return RunStepAsync(dc, 0, options, null, cancellationToken);
    }

    /// <summary>The customer answered a step that waited on its own, without a prompt: the answer is the text.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        RunNextStepAsync(dc, dc.Context.Activity.Text, cancellationToken);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        RunNextStepAsync(dc, result, cancellationToken);

    internal Task<DialogTurnResult> RunNextStepAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        var next = dc.RequiredInstance.Step + 1;
        dc.RequiredInstance.Step = next;
        return RunStepAsync(dc, next, null, result, cancellationToken);
    }

    private Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? options, object? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return dc.EndDialogAsync(result, cancellationToken);
        }

        return steps[index](new WaterfallStepContext(dc, this, options, result), cancellationToken);
    }
}
