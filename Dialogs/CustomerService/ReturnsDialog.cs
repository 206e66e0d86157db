using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Dialogs.Shop;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>Returns and refunds: the shop's configured policy, and a link to start a return where the shop has one.</summary>
public sealed class ReturnsDialog : WaterfallDialog
{
    private readonly ShopOptions _shop;

    public ReturnsDialog(ShopOptions shop)
        : base(DialogIds.Returns)
    {
        _shop = shop;
        AddSteps(ExplainReturnsAsync);
    }

    private async Task<DialogTurnResult> ExplainReturnsAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var policy = _shop.Returns.Get(step.Dialog.Culture);
        IMessageActivity reply = _shop.ReturnsUrl is { } url
            ? MessageFactory.Attachment(new HeroCard
            {
                Text = policy,
                Buttons = [new CardAction(ActionTypes.OpenUrl, step.Texts[nameof(DialogStrings.Returns_Open)], value: url.ToString())],
            }.ToAttachment())
            : MessageFactory.Text(policy);
        await step.Dialog.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
