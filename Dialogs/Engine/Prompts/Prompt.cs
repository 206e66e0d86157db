using System.Globalization;
using System.Text.Json;
using ConversationBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks one question and waits for an answer it understands. An answer it does not understand
/// gets a re-prompt, at most <see cref="MaxReprompts"/> times; after that the prompt gives up
/// politely and hands <see cref="PromptResult{T}.GaveUp"/> to its parent, so no customer is stuck.
/// </summary>
public abstract class Prompt<T>(string id) : Dialog(id)
{
    public const int MaxReprompts = 3;

    private const string OptionsKey = "prompt.options";
    private const string AttemptsKey = "prompt.attempts";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' needs {nameof(PromptOptions)}.", nameof(options));
        var values = dc.RequiredInstance.Values;
        values[OptionsKey] = JsonSerializer.Serialize(ToStore(dc, promptOptions));
        values[AttemptsKey] = "0";
        await dc.Context.SendActivityAsync(BuildPrompt(dc, promptOptions, promptOptions.Text), cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var options = LoadOptions(dc);
        var recognition = Recognize(dc, options);
        if (recognition.Succeeded)
        {
            return await dc.EndDialogAsync(PromptResult<T>.Success(recognition.Value!), cancellationToken).ConfigureAwait(false);
        }

        var values = dc.RequiredInstance.Values;
        var attempts = int.Parse(values[AttemptsKey], CultureInfo.InvariantCulture) + 1;
        values[AttemptsKey] = attempts.ToString(CultureInfo.InvariantCulture);
        if (attempts > MaxReprompts)
        {
            await dc.SendTextAsync(dc.Texts[nameof(DialogStrings.Prompt_GiveUp)], cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(PromptResult<T>.GaveUp, cancellationToken).ConfigureAwait(false);
        }

        var retryText = recognition.RetryText
            ?? options.RetryText
            ?? dc.Texts.Format(nameof(DialogStrings.Prompt_NotUnderstood), options.Text);
        await dc.Context.SendActivityAsync(BuildPrompt(dc, options, retryText), cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var options = LoadOptions(dc);
        return dc.Context.SendActivityAsync(BuildPrompt(dc, options, options.Text), cancellationToken);
    }

    /// <summary>
    /// A question whose choices stand alone (a menu) is not asked twice in a row: the answer carries its
    /// buttons. Any other question is asked again after the answer, so the customer knows what is awaited.
    /// </summary>
    public override async Task RepromptAfterAsync(DialogContext dc, string answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var options = LoadOptions(dc);
        if (options.ChoicesStandAlone && options.Choices.Count > 0)
        {
            await dc.Context.SendActivityAsync(BuildPrompt(dc, options, answer), cancellationToken).ConfigureAwait(false);
            return;
        }

        await base.RepromptAfterAsync(dc, answer, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Recognition<T> Recognize(DialogContext dc, PromptOptions options);

    /// <summary>The message that asks; prompts with fixed answers add them as suggested actions.</summary>
    protected virtual IMessageActivity BuildPrompt(DialogContext dc, PromptOptions options, string text) =>
        MessageFactory.Text(text, inputHint: InputHints.ExpectingInput);

    /// <summary>A short title on the button and the full words as its value: what an imBack posts as the customer's message.</summary>
    protected static IMessageActivity WithSuggestedActions(string text, IEnumerable<(string Title, string Value)> actions) =>
        MessageFactory.SuggestedActions(
            actions.Select(action => new CardAction(ActionTypes.ImBack, action.Title, value: action.Value)).ToList(),
            text,
            ssml: null,
            inputHint: InputHints.ExpectingInput,
            toList: null);

    /// <summary>What of the options goes into the prompt's frame; a prompt with rebuildable parts leaves them out.</summary>
    protected virtual PromptOptions ToStore(DialogContext dc, PromptOptions options) => options;

    /// <summary>The options as stored, made whole again in the turn's language.</summary>
    protected virtual PromptOptions Restore(DialogContext dc, PromptOptions stored)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(stored);
        return stored.TextKey is { } key ? stored with { Text = dc.Texts[key] } : stored;
    }

    private PromptOptions LoadOptions(DialogContext dc) => Restore(dc, StoredPromptOptions.Read(dc.RequiredInstance.Values[OptionsKey]));
}
