using System.Collections.Concurrent;
using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Orders;
using ConversationBot.Dialogs.Resources;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// The root of every conversation: asks what the customer needs, starts that flow, and asks again
/// when it is done. A first message that already says what it wants ("where is my order 10045?")
/// goes straight to its flow.
/// </summary>
public sealed class MainMenuDialog : WaterfallDialog
{
    private const string UtteranceKey = "utterance";

    private static readonly (string Value, string TitleKey, string SynonymsKey, string DialogId)[] Items =
    [
        ("order-status", nameof(DialogStrings.Menu_OrderStatus), nameof(DialogStrings.Menu_OrderStatus_Synonyms), DialogIds.OrderStatus),
        ("returns", nameof(DialogStrings.Menu_Returns), nameof(DialogStrings.Menu_Returns_Synonyms), DialogIds.Returns),
        ("contact", nameof(DialogStrings.Menu_Contact), nameof(DialogStrings.Menu_Contact_Synonyms), DialogIds.Contact),
        ("offers", nameof(DialogStrings.Menu_Offers), nameof(DialogStrings.Menu_Offers_Synonyms), DialogIds.Offers),
        ("handoff", nameof(DialogStrings.Menu_Handoff), nameof(DialogStrings.Menu_Handoff_Synonyms), DialogIds.Handoff),
        ("notifications", nameof(DialogStrings.Menu_Notifications), nameof(DialogStrings.Menu_Notifications_Synonyms), DialogIds.Notifications),
    ];

    /// <summary>Each item's button title and the full words its button sends, in every language.</summary>
    private static readonly Lazy<HashSet<string>> MenuTitles = new(() =>
        [.. SupportedCultures.All.SelectMany(culture => Items.SelectMany(item => new[] { Texts.For(culture)[item.TitleKey], Texts.For(culture)[item.TitleKey + MeaningSuffix] }).Select(TextNormalizer.Normalize))]);

    /// <summary>Each menu title has a resource with the full words its button sends ("Menu_Contact" and "Menu_Contact_Meaning").</summary>
    private const string MeaningSuffix = "_Meaning";

    /// <summary>The menu is built from resources that never change while the process runs: once per language.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Choice>> ChoicesByCulture = new(StringComparer.Ordinal);

    private readonly OrderNumberFormat _orderNumbers;

    public MainMenuDialog(OrderNumberFormat orderNumbers)
        : base(DialogIds.MainMenu)
    {
        _orderNumbers = orderNumbers;
        AddSteps(AskWhatIsNeededAsync, StartChosenFlowAsync, AskAgainAsync);
    }

    /// <summary>
    /// True when a message is exactly one of the menu's titles or the words its button sends, in any
    /// language ("Talk to a person", "Meine Benachrichtigungen"): a customer pressing or typing a menu
    /// item mid-question means it.
    /// </summary>
    public static bool IsMenuTitle(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length > 0 && MenuTitles.Value.Contains(normalized);
    }

    /// <summary>The menu's item names ("order-status", "returns", ...): what a <c>dialog_</c> entry may name (<see cref="ConversationEntry"/>).</summary>
    public static IReadOnlyList<string> ItemNames { get; } = [.. Items.Select(item => item.Value)];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="ItemNames"/>.</summary>
    public static bool IsItem(string? name) => ItemNames.Contains(name, StringComparer.Ordinal);

    /// <summary>The menu in one language; synonyms from every language, so input is understood whatever the locale.</summary>
    public static IReadOnlyList<Choice> Choices(Texts texts) =>
        ChoicesByCulture.GetOrAdd(texts.Culture.Name, _ => Items.Select(item => new Choice(item.Value, texts[item.TitleKey], Texts.WordsInAnyLanguage(item.SynonymsKey))
        {
            Meaning = texts[item.TitleKey + MeaningSuffix] == texts[item.TitleKey] ? null : texts[item.TitleKey + MeaningSuffix],
        }).ToArray());

    private async Task<DialogTurnResult> AskWhatIsNeededAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var choices = Choices(step.Texts);
        if (step.Options is RootStart.FromMessage)
        {
            // An entry names its item (a Messenger menu tap, an ice breaker, an m.me ref): routed by it, never by a title.
            var utterance = step.Dialog.Context.Activity.Text;
            var entry = ConversationEntry.Parse(CardSubmission.Field(step.Dialog.Context.Activity, ConversationEntry.Field));
            var direct = entry is { Kind: ConversationEntryKind.Dialog }
                ? ChoiceRecognizer.RecognizeValue(entry.Target, choices)
                : ChoiceRecognizer.Recognize(utterance, choices);
            if (direct is not null)
            {
                step.Values[UtteranceKey] = utterance ?? string.Empty;
                return await step.NextAsync(PromptResult<Choice>.Success(direct), cancellationToken).ConfigureAwait(false);
            }
        }

        var questionKey = step.Options is RootStart.Again ? nameof(DialogStrings.Menu_PromptAgain) : nameof(DialogStrings.Menu_Prompt);
        var question = new PromptOptions(step.Texts[questionKey]) { TextKey = questionKey, Choices = choices, ChoiceSet = MainMenuChoices.SetName, ChoicesStandAlone = true };
        return await step.PromptAsync(DialogIds.ChoicePrompt, question, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> StartChosenFlowAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<Choice> { Succeeded: true, Value: { } choice })
        {
            return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var item = Items.Single(i => i.Value == choice.Value);

        // The message that chose the item may already carry the order number: the first message of
        // the conversation, or this turn's answer to the menu ("where is my order 10045?").
        var utterance = step.Values.GetValueOrDefault(UtteranceKey) ?? step.Dialog.Context.Activity.Text;
        object? options = item.DialogId == DialogIds.OrderStatus
            ? new OrderStatusRequest(_orderNumbers.FindIn(utterance))
            : null;
        return await step.BeginDialogAsync(item.DialogId, options, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> AskAgainAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.Dialog.ReplaceDialogAsync(DialogIds.MainMenu, RootStart.Again, cancellationToken);
}
