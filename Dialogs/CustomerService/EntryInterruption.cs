using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Dialogs.Shop;
using Microsoft.Bot.Builder;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// A customer coming in through a front door (<see cref="ConversationEntry"/>: Get Started, a
/// persistent-menu item, an ice breaker, an m.me link or QR code), whatever was asked before: Get
/// Started gets the welcome and the menu; a menu item starts its flow; a topic gets its opt-in offer
/// when the rules allow one now (the offer is decided like every other, so an entry never grants or
/// forces consent), then the menu. An entry the bot does not know, or a topic it may not offer now,
/// gets the ordinary welcome: a ref is untrusted text and never an error.
/// </summary>
public sealed class EntryInterruption(OptInOfferSender offers, ShopOptions shop) : IInterruption
{
    public bool HonouredDuringHandoff => false;

    public async Task<InterruptionOutcome?> TryAnswerAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var field = CardSubmission.Field(dc.Context.Activity, ConversationEntry.Field);
        if (field is null)
        {
            return null;
        }

        var entry = ConversationEntry.Parse(field) ?? ConversationEntry.Welcome;
        dc.CancelAllDialogs();
        switch (entry.Kind)
        {
            case ConversationEntryKind.Dialog when MainMenuDialog.IsItem(entry.Target):
                return InterruptionOutcome.RunRoot;
            case ConversationEntryKind.Topic:
                var offered = await offers.TryOfferAsync(dc.Context, entry.Target, dc.Culture, cancellationToken).ConfigureAwait(false);
                if (offered.IsAllowed)
                {
                    return InterruptionOutcome.StartRoot;
                }

                break;
        }

        await dc.Context.SendActivityAsync(MessageFactory.Attachment(ShopCards.Welcome(customerName: null, shop, dc.Culture)), cancellationToken).ConfigureAwait(false);
        return InterruptionOutcome.StartRoot;
    }
}
