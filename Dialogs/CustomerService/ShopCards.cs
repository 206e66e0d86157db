using System.Globalization;
using ConversationBot.Cards;
using ConversationBot.Dialogs.Shop;
using Microsoft.Bot.Schema;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>Cards about the shop, filled from its configuration.</summary>
public static class ShopCards
{
    public static Attachment Contact(ShopOptions shop, CultureInfo culture) =>
        CardAttachments.FromAdaptiveCard(ContactCard.Build(
            new ContactCardModel(
                [.. shop.OpeningHours.Select(entry => new OpeningHours(entry.Days.Get(culture), entry.Closed ? null : entry.Hours))],
                shop.Phone,
                shop.Email,
                shop.AddressLines,
                shop.WebsiteUrl),
            culture));

    public static Attachment Welcome(string? customerName, ShopOptions shop, CultureInfo culture) =>
        CardAttachments.FromAdaptiveCard(WelcomeCard.Build(new WelcomeCardModel(customerName, shop.WebsiteUrl), culture));
}
