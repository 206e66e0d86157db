using ConversationBot.Notifications;
using ConversationBot.Notifications.Activity;
using ConversationBot.Bot.Customers;
using ConversationBot.Bot.Storage.Cosmos.Customers;
using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Topics;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Messenger;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Products.Outcomes;
using ConversationBot.Notifications.Products.Unsubscribes;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Microsoft.Bot.Builder;

using ConversationBot.Bot.Delivery.Rate;

namespace ConversationBot.Bot.Storage.Cosmos;

public static class CosmosStorageServiceCollectionExtensions
{
    /// <summary>
    /// The Azure Cosmos DB back end: the same ports as <c>AddSqliteStorage</c>, one client for the
    /// process, the database and containers created at start-up (the host stops with a reason when it
    /// cannot), and a health check. Hosts and tests adjust the SDK through <c>Configure&lt;CosmosClientOptions&gt;</c>.
    /// </summary>
    public static IServiceCollection AddCosmosStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<CosmosOptions, CosmosOptionsValidation>(configuration, CosmosOptions.SectionName);
        services.AddOptions<CosmosClientOptions>();
        services.AddSingleton<CosmosDatabase>();
        services.AddHostedService<CosmosDatabaseInitializer>();
        services.AddSingleton<IStorage, CosmosStorage>();
        services.AddSingleton<IHandoffStore, CosmosHandoffStore>();
        services.AddSingleton<IHandoffTranscriptStore, CosmosTranscriptStore>();
        services.AddSingleton<ICustomerRecords>(sp => (CosmosTranscriptStore)sp.GetRequiredService<IHandoffTranscriptStore>());
        services.AddSingleton<CosmosSubscriptionIndex>();
        services.AddSingleton<ISubscriptionStore, CosmosSubscriptionStore>();
        services.AddSingleton<ISubscriberCountRecount, CosmosTopicSubscriberCounts>();
        services.AddSingleton<IOfferHistoryStore, CosmosOfferHistoryStore>();
        services.AddSingleton<IMessagingWindowStore, CosmosMessagingWindowStore>();
        services.AddSingleton<IPageStatusStore, CosmosPageStatusStore>();
        services.AddSingleton(sp => new CosmosStopRateCounterStore(sp.GetRequiredService<CosmosDatabase>(), sp.GetRequiredService<IOptions<NotificationsOptions>>().Value.StopRate));
        services.AddSingleton<IStopRateCounterStore>(sp => new CachedStopRateCounts(sp.GetRequiredService<CosmosStopRateCounterStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IFunnelStore, CosmosFunnelStore>();
        services.AddSingleton<CosmosTopicActivityStore>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<BufferedTopicActivityStore>(sp, sp.GetRequiredService<CosmosTopicActivityStore>()));
        services.AddSingleton<ITopicActivityStore>(sp => sp.GetRequiredService<BufferedTopicActivityStore>());
        services.AddHostedService(sp => sp.GetRequiredService<BufferedTopicActivityStore>());
        services.AddSingleton<ICampaignStore, CosmosCampaignStore>();
        services.AddSingleton<IDeliveryStore, CosmosDeliveryStore>();
        services.AddSingleton<IMarketingMessageOutcomeStore, CosmosMarketingMessageOutcomeStore>();
        services.AddSingleton<IMetaUnsubscribeOutbox, CosmosMetaUnsubscribeOutbox>();
        services.AddSingleton<ICampaignWorkStore, CosmosCampaignWorkStore>();
        services.AddSingleton<ISendSlotStore, CosmosSendSlotStore>();
        services.AddSingleton<IMessengerEventLog, CosmosMessengerEventLog>();
        services.AddCosmosCustomerRecords();
        services.AddHealthChecks().AddCheck<CosmosHealthCheck>("storage");
        return services;
    }

    /// <summary>What erasing a customer reaches in Cosmos DB (after the records both back ends share: Bot/Customers/CustomerErasureServiceCollectionExtensions.cs).</summary>
    private static void AddCosmosCustomerRecords(this IServiceCollection services)
    {
        services.AddSingleton<ICustomerRecords, CampaignWorkRecords>();
        services.AddSingleton<ICustomerRecords>(sp => CosmosScannedRecords.Deliveries(sp.GetRequiredService<CosmosDatabase>()));
        services.AddSingleton<ICustomerRecords, CosmosSubscriptionRecords>();
        services.AddSingleton<ICustomerRecords>(sp =>
        {
            var cosmos = sp.GetRequiredService<CosmosDatabase>();
            return new CosmosPointRecords("24-hour window", () => cosmos.Customers, c => [CosmosMessagingWindowStore.IdFor(c.ChannelId, c.CustomerId)]);
        });
        services.AddSingleton<ICustomerRecords>(sp =>
        {
            var cosmos = sp.GetRequiredService<CosmosDatabase>();
            return new CosmosPointRecords("opt-in offer history", () => cosmos.Customers, c => [CosmosOfferHistoryStore.IdFor(c.ChannelId, c.CustomerId)]);
        });
        services.AddSingleton<ICustomerRecords>(sp =>
        {
            var cosmos = sp.GetRequiredService<CosmosDatabase>();
            var topics = sp.GetRequiredService<TopicCatalog>();

            // An attribution is kept per (customer, topic of the entry or none): Bot/Funnel/FunnelTurn.cs.
            return new CosmosPointRecords(
                "funnel attributions",
                () => cosmos.Customers,
                c => topics.Topics.Select(t => (string?)t.Id).Append(null).Select(topic => CosmosFunnelStore.AttributionId(c.ChannelId, c.CustomerId, topic)));
        });
        services.AddSingleton<ICustomerRecords>(sp => CosmosScannedRecords.MessengerEvents(sp.GetRequiredService<CosmosDatabase>()));
    }
}
