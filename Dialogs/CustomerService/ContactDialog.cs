using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Shop;
using Microsoft.Bot.Builder;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>Opening hours and contact details, from configuration, as a card.</summary>
public sealed class ContactDialog : WaterfallDialog
{
    private readonly ShopOptions _shop;

    public ContactDialog(ShopOptions shop)
        : base(DialogIds.Contact)
    {
        _shop = shop;
        AddSteps(ShowContactAsync);
    }

    private async Task<DialogTurnResult> ShowContactAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var card = ShopCards.Contact(_shop, step.Dialog.Culture);
        await step.Dialog.Context.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken).ConfigureAwait(false);
        return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
