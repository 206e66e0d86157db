using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Dialogs.Shop;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// Current offers and recommendations from configuration, as a carousel of hero cards (which every
/// channel shows natively, Messenger as a generic template), then the deals topic when the opt-in policy allows.
/// </summary>
public sealed class OffersDialog : WaterfallDialog
{
    private readonly ShopOptions _shop;
    private readonly OptInOfferSender _optIns;
    private readonly OptInMomentsOptions _moments;

    public OffersDialog(ShopOptions shop, OptInOfferSender optIns, OptInMomentsOptions moments)
        : base(DialogIds.Offers)
    {
        _shop = shop;
        _optIns = optIns;
        _moments = moments;
        AddSteps(ShowOffersAsync);
    }

    private async Task<DialogTurnResult> ShowOffersAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var culture = step.Dialog.Culture;
        if (_shop.Offers.Count == 0)
        {
            await step.SendTextAsync(step.Texts.Format(nameof(DialogStrings.Offers_None), _shop.WebsiteUrl), cancellationToken).ConfigureAwait(false);
            return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var cards = _shop.Offers.Select(offer => new HeroCard
        {
            Title = offer.Title.Get(culture),
            Text = offer.Text.Get(culture),
            Images = offer.ImageUrl is { } image ? [new CardImage(image.ToString())] : [],
            Buttons = offer.Url is { } url ? [new CardAction(ActionTypes.OpenUrl, step.Texts[nameof(DialogStrings.Offers_Open)], value: url.ToString())] : [],
        }.ToAttachment()).ToList();
        var reply = MessageFactory.Carousel(cards, step.Texts[nameof(DialogStrings.Offers_Intro)]);
        await step.Dialog.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        await _optIns.TryOfferAsync(step.Dialog.Context, _moments.AfterOffers, culture, cancellationToken).ConfigureAwait(false);
        return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
