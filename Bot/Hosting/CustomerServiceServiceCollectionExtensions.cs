using Microsoft.Extensions.DependencyInjection.Extensions;
using ConversationBot.Bot.Orders;
using ConversationBot.Dialogs;
using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Engine.Prompts;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Dialogs.OptIns;
using ConversationBot.Dialogs.Orders;
using ConversationBot.Dialogs.Shop;
using ConversationBot.Bot.Hosting.Settings;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Hosting;

public static class CustomerServiceServiceCollectionExtensions
{
    /// <summary>The customer-service conversation: its options (validated at start-up), the order lookup and every dialog.</summary>
    public static IServiceCollection AddCustomerServiceDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ShopOptions, ShopOptionsValidation>(configuration, ShopOptions.SectionName);
        services.AddSettings<OrderOptions, OrderOptionsValidation>(configuration, OrderOptions.SectionName);
        services.AddSettings<HandoffOptions, HandoffOptionsValidation>(configuration, HandoffOptions.SectionName);
        services.AddSettings<OptInMomentsOptions, OptInMomentsOptionsValidation>(configuration, OptInMomentsOptions.SectionName);
        services.AddSingleton(sp =>
        {
            var orders = sp.GetRequiredService<IOptions<OrderOptions>>().Value;
            return new OrderNumberFormat(orders.NumberPattern, orders.ExampleNumber);
        });
        services.AddSingleton<IOrderLookup, JsonFileOrderLookup>();
        services.AddSingleton<ShopOpeningHours>();

        services.AddSingleton<KnownEntries>();
        services.AddSingleton<OptInOfferSender>();
        services.AddSingleton<AnsweredOptInCard>();
        services.AddSingleton<ConsentCommands>();

        // The interruptions, in the order the runner asks them: a notifications command first (a stop
        // is honoured at once, also during a hand-off), "back to the bot" (also during a hand-off: it
        // ends it), then a front-door entry (Get Started, a Messenger menu item, a ref), a photo,
        // help/cancel/start over, a menu item.
        services.AddSingleton<IInterruption>(sp => sp.GetRequiredService<ConsentCommands>());
        services.TryAddSingleton<IHandoffChannel, KeepConversationHandoffChannel>();
        services.AddSingleton<IInterruption, BackToBotInterruption>();
        services.AddSingleton<IInterruption, EntryInterruption>();
        services.AddSingleton<IInterruption, AttachmentInterruption>();
        services.AddSingleton<IInterruption, CommandInterruption>();
        services.AddSingleton<IInterruption, MenuTitleInterruption>();

        services.AddSingleton<Dialog, MainMenuDialog>();
        services.AddSingleton<Dialog, OrderStatusDialog>();
        services.AddSingleton<Dialog, ReturnsDialog>();
        services.AddSingleton<Dialog, ContactDialog>();
        services.AddSingleton<Dialog, OffersDialog>();
        services.AddSingleton<Dialog, HandoffDialog>();
        services.AddSingleton<Dialog, NotificationsDialog>();
        services.AddSingleton<IChoiceSet, MainMenuChoices>();
        services.AddSingleton<Dialog>(sp => new ChoicePrompt(DialogIds.ChoicePrompt, sp.GetServices<IChoiceSet>()));
        services.AddSingleton<Dialog>(new ConfirmPrompt(DialogIds.ConfirmPrompt));
        services.AddSingleton<Dialog>(sp => OrderStatusDialog.CreateNumberPrompt(sp.GetRequiredService<OrderNumberFormat>()));
        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        services.AddSingleton(sp => new DialogRunner(sp.GetRequiredService<DialogSet>(), DialogIds.MainMenu, sp.GetServices<IInterruption>()));
        return services;
    }
}
