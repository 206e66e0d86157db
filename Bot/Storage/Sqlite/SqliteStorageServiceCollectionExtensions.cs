using ConversationBot.Notifications.Activity;
using ConversationBot.Notifications.Customers;
using ConversationBot.Bot.Hosting;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Products.Outcomes;
using ConversationBot.Notifications.Products.Unsubscribes;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Funnel;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;
using ConversationBot.Notifications.Languages;
using Microsoft.Bot.Builder;

using ConversationBot.Bot.Delivery.Rate;

namespace ConversationBot.Bot.Storage.Sqlite;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>The embedded back end: Bot Framework state and the bot's own stores in one SQLite file, with a health check.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SqliteStorageOptions, SqliteStorageOptionsValidation>(configuration, SqliteStorageOptions.SectionName);
        services.AddSingleton<SqliteDatabase>();
        services.AddSqliteStore<IStorage, SqliteStorage>(SqliteStorage.Schema);
        services.AddSqliteStore<IHandoffStore, SqliteHandoffStore>(SqliteHandoffStore.Schema);
        services.AddSingleton(SqliteHandoffStore.DeskColumns);
        services.AddSingleton(SqliteHandoffStore.WaitNoticeColumn);
        services.AddSqliteStore<IHandoffTranscriptStore, SqliteTranscriptStore>(SqliteTranscriptStore.Schema);
        services.AddSingleton<ICustomerRecords>(sp => (SqliteTranscriptStore)sp.GetRequiredService<IHandoffTranscriptStore>());
        services.AddSqliteStore<ISubscriptionStore, SqliteSubscriptionStore>(SqliteSubscriptionStore.Schema);
        services.AddSingleton(sp => SqliteSubscriptionStore.LanguageColumn(sp.GetRequiredService<SubscriberLanguages>().Fallback));
        services.AddSingleton(SqliteSubscriptionStore.HistoryColumn);
        services.AddSingleton(SqliteSubscriptionStore.RegionRefusalColumns);
        services.AddSingleton(SqliteSubscriptionStore.SendClaimsColumn);
        services.AddSingleton<ISubscriberCountRecount, SqliteSubscriberCountRecount>();
        services.AddSqliteStore<IOfferHistoryStore, SqliteOfferHistoryStore>(SqliteOfferHistoryStore.Schema);
        services.AddSqliteStore<IMessagingWindowStore, SqliteMessagingWindowStore>(SqliteMessagingWindowStore.Schema);
        services.AddSqliteStore<IPageStatusStore, SqlitePageStatusStore>(SqlitePageStatusStore.Schema);
        services.AddSqliteStore<IStopRateCounterStore, SqliteStopRateCounterStore>(SqliteStopRateCounterStore.Schema);
        services.AddSingleton(SqliteStopRateCounterStore.HourlyCounts);
        services.AddSqliteStore<IFunnelStore, SqliteFunnelStore>(SqliteFunnelStore.Schema);
        services.AddSqliteStore<ITopicActivityStore, SqliteTopicActivityStore>(SqliteTopicActivityStore.Schema);
        services.AddSqliteStore<ICampaignStore, SqliteCampaignStore>(SqliteCampaignStore.Schema);
        services.AddSqliteStore<IDeliveryStore, SqliteDeliveryStore>(SqliteDeliveryStore.Schema);
        services.AddSingleton(SqliteDeliveryStore.ProductColumns);
        services.AddSingleton(SqliteDeliveryStore.TrackingIdColumn);
        services.AddSqliteStore<IMarketingMessageOutcomeStore, SqliteMarketingMessageOutcomeStore>(SqliteMarketingMessageOutcomeStore.Schema);
        services.AddSqliteStore<IMetaUnsubscribeOutbox, SqliteMetaUnsubscribeOutbox>(SqliteMetaUnsubscribeOutbox.Schema);
        services.AddSqliteStore<ICampaignWorkStore, SqliteCampaignWorkStore>(SqliteCampaignWorkStore.Schema);
        services.AddSingleton<ISendSlotStore, InProcessSendSlotStore>();
        services.AddSingleton<ICustomerRecords, SqliteCampaignWorkRecords>();
        services.AddSingleton<ICustomerRecords, SqliteSubscriptionRecords>();
        foreach (var table in SqliteCustomerRecords.Tables)
        {
            services.AddSingleton<ICustomerRecords>(sp => new SqliteCustomerRecords(sp.GetRequiredService<SqliteDatabase>(), table));
        }
        services.AddSingleton(SqliteRetentionCleanup.Schema);
        services.AddHostedService<SqliteRetentionCleanup>();
        services.AddHealthChecks().AddCheck<SqliteHealthCheck>("storage");
        return services;
    }

    /// <summary>A store and the schema step it needs: the database applies every registered step before its first use.</summary>
    private static void AddSqliteStore<TPort, TStore>(this IServiceCollection services, ISqliteMigration schema)
        where TPort : class
        where TStore : class, TPort
    {
        services.AddSingleton(schema);
        services.AddSingleton<TPort, TStore>();
    }
}
