using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Messenger;
using ConversationBot.Notifications;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Profiles;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Topics;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// The recurring-notification domain, built once from the validated "Notifications" settings:
    /// the topic catalog, the platform profile in force, the opt-in policy and the consent entry point.
    /// The stores come from the storage back end.
    /// </summary>
    public static IServiceCollection AddRecurringNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<NotificationsOptions, NotificationsOptionsValidation>(configuration, NotificationsOptions.SectionName);

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NotificationsOptions>>().Value;
            return TopicCatalog.FromOptions(options.Topics, IncentiveWordList.From(options.IncentiveWords));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NotificationsOptions>>().Value;
            return PlatformProfile.Resolve(options.Profile, options.Profiles);
        });
        // The products Messenger tokens can go through: Recurring Notifications under the profile, Marketing Messages when set up.
        services.AddSingleton(sp => new MessengerReach(
            sp.GetRequiredService<PlatformProfile>(),
            sp.GetRequiredService<IOptions<NotificationsOptions>>().Value.Region,
            sp.GetRequiredService<IOptions<MessengerOptions>>().Value.MarketingMessages.IsEnabled));
        services.AddSingleton(sp => new ProductRouter(sp.GetRequiredService<MessengerReach>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NotificationsOptions>>().Value;
            return new OptInPolicy(sp.GetRequiredService<TopicCatalog>(), sp.GetRequiredService<MessengerReach>(), options.OptIns);
        });
        // The languages subscribers are spoken to in: the bot's cultures, and Bot:FallbackLanguage for the rest.
        services.AddSingleton(BotLanguages.From(configuration));
        services.AddSingleton(sp => new StopRateGuard(sp.GetRequiredService<IOptions<NotificationsOptions>>().Value.StopRate));
        services.AddSingleton(sp => new EligibilityPolicy(sp.GetRequiredService<MessengerReach>()));
        services.AddSingleton(sp => new PlatformErrorClassifier(
            sp.GetRequiredService<IOptions<NotificationsOptions>>().Value.Errors,
            sp.GetRequiredService<PlatformProfile>(),
            sp.GetRequiredService<IOptions<MessengerOptions>>().Value.MarketingMessages.MinConversationGapSeconds is { } gap ? TimeSpan.FromSeconds(gap) : null));
        // One key for the page's restrictions on every path: Messenger:PageId, or "me" when it is not set.
        services.AddSingleton(sp => new MessengerPage(sp.GetRequiredService<IOptions<MessengerOptions>>().Value.PageId));
        services.AddSingleton<OptInOfferService>();
        services.AddSingleton<EntryFunnel>();
        services.AddSingleton<ConversationBot.Notifications.Activity.TopicActivity>();
        services.AddSingleton<ConsentService>();
        services.AddHostedService<NotificationsStartupCheck>();
        return services;
    }
}
