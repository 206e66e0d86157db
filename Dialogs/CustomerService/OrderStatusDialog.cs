using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Dialogs.Orders;
using ConversationBot.Dialogs.Resources;
using Microsoft.Bot.Builder;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// Order status: asks for the order number (unless the customer already gave it), looks it up and
/// shows the order card, then offers order updates when the opt-in policy allows. A number that is not found gets a clear answer and another try, at most
/// <see cref="MaxNotFound"/> times.
/// </summary>
public sealed class OrderStatusDialog : WaterfallDialog
{
    public const int MaxNotFound = 3;

    private const string NotFoundKey = "notFound";

    private readonly IOrderLookup _orders;
    private readonly OrderNumberFormat _format;
    private readonly OptInOfferSender _optIns;
    private readonly OptInMomentsOptions _moments;

    public OrderStatusDialog(IOrderLookup orders, OrderNumberFormat format, OptInOfferSender optIns, OptInMomentsOptions moments)
        : base(DialogIds.OrderStatus)
    {
        _orders = orders;
        _format = format;
        _optIns = optIns;
        _moments = moments;
        AddSteps(AskForNumberAsync, ShowOrderAsync);
    }

    /// <summary>The order-number prompt, with this dialog's validator.</summary>
    public static TextPrompt CreateNumberPrompt(OrderNumberFormat format) =>
        new(DialogIds.OrderNumberPrompt, (input, texts) =>
            format.Normalize(input) is { } number
                ? TextValidation.Valid(number)
                : TextValidation.Invalid(texts.Format(nameof(DialogStrings.Order_InvalidNumber), format.Example)));

    private async Task<DialogTurnResult> AskForNumberAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.Options as OrderStatusRequest ?? new OrderStatusRequest(null);
        step.Values[NotFoundKey] = request.NotFoundCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (request.OrderNumber is { } given && _format.Normalize(given) is { } number)
        {
            return await step.NextAsync(PromptResult<string>.Success(number), cancellationToken).ConfigureAwait(false);
        }

        var question = request.LastNotFound is { } missing
            ? step.Texts.Format(nameof(DialogStrings.Order_NotFound), missing)
            : step.Texts.Format(nameof(DialogStrings.Order_AskNumber), _format.Example);
        return await step.PromptAsync(DialogIds.OrderNumberPrompt, new PromptOptions(question), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ShowOrderAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<string> { Succeeded: true, Value: { } number })
        {
            return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var order = await _orders.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (order is not null)
        {
            var card = OrderCards.Build(order, step.Dialog.Culture);
            await step.Dialog.Context.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken).ConfigureAwait(false);

            // Someone who just asked where an order is may want to hear about it without asking.
            await _optIns.TryOfferAsync(step.Dialog.Context, _moments.AfterOrderStatus, step.Dialog.Culture, cancellationToken).ConfigureAwait(false);
            return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var notFound = int.Parse(step.Values[NotFoundKey], System.Globalization.CultureInfo.InvariantCulture) + 1;
        if (notFound >= MaxNotFound)
        {
            await step.SendTextAsync(step.Texts[nameof(DialogStrings.Order_NotFoundGiveUp)], cancellationToken).ConfigureAwait(false);
            return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.Dialog.ReplaceDialogAsync(DialogIds.OrderStatus, new OrderStatusRequest(null, notFound, number), cancellationToken).ConfigureAwait(false);
    }
}
