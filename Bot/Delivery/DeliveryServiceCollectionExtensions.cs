using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Bot.Messenger.MarketingMessages.Outcomes;
using ConversationBot.Bot.Messenger.MarketingMessages.Unsubscribes;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Delivery.Rate;
using ConversationBot.Bot.Delivery.Schedules;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Eligibility;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Timing;
using ConversationBot.Notifications.Topics;
using ConversationBot.Notifications.Window;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Proactive delivery: the campaign service the admin API uses, the senders per channel, the
    /// schedules, and the background worker. The stores come from the storage back end.
    /// </summary>
    public static IServiceCollection AddProactiveDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DeliveryOptions, DeliveryOptionsValidation>(configuration, DeliveryOptions.SectionName);
        services.AddSettings<DeliveryHostOptions, DeliveryHostOptionsValidation>(configuration, DeliveryHostOptions.SectionName);
        services.AddSettings<SchedulesOptions, SchedulesOptionsValidation>(configuration, DeliveryHostOptions.SectionName);
        services.AddSettings<TimingOptions, TimingOptionsValidation>(configuration, TimingOptions.SectionName);
        services.AddSingleton(sp => sp.GetRequiredService<TimingOptions>().ToRecipientTiming());

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MessengerOptions>>().Value.MarketingMessages is { IsEnabled: true } marketing
            ? new CampaignBudgetRule(marketing.MaxCampaignBudget)
            : CampaignBudgetRule.NotConfigured);
        services.AddSingleton<CampaignService>();
        services.AddSingleton<CampaignLiveProgress>();
        services.AddSingleton<FleetSendRate>();
        services.AddSingleton<MessengerNotificationSender>();
        services.AddHttpClient(MarketingMessagesClient.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<MessengerOptions>>().Value.SendTimeout);
        services.AddSingleton<MarketingMessagesClient>();
        services.AddSingleton<MetaCampaigns>();
        services.AddSingleton<CampaignBudgetRaising>();
        services.AddSingleton<MetaDeliveryEstimates>();
        services.AddSingleton<MetaCampaignSpend>();
        services.AddSingleton<MarketingMessageOutcomes>();
        services.AddSingleton<CampaignProductFigures>();
        services.AddSingleton<MarketingMessagesNotificationSender>();
        services.AddMetaUnsubscribes();
        services.AddSingleton<BotFrameworkNotificationSender>();
        services.AddSingleton<INotificationSender, ChannelNotificationSender>();
        services.AddSingleton<IDeliveryObserver, DeliveryObserver>();
        services.AddSingleton<CampaignPageWork>();
        services.AddSingleton<RecipientDecision>();
        services.AddSingleton<CampaignPreview>();
        services.AddSingleton<CampaignRunner>();

        services.AddSingleton<CampaignScheduleCatalog>();
        services.AddSingleton<IScheduledContentSource, ConfiguredScheduleContent>();
        services.AddSingleton<ScheduleFirer>();
        services.AddSingleton<DeliveryInstance>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return services;
    }
}
