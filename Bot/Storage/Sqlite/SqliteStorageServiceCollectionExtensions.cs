using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Storage.Sqlite;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>The embedded back end: Bot Framework state and the bot's own stores in one SQLite file, with a health check.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SqliteStorageOptions>().Bind(configuration.GetSection(SqliteStorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton(SqliteStorage.Schema);
        services.AddSingleton(SqliteHandoffStore.Schema);
        services.AddSingleton<IStorage, SqliteStorage>();
        services.AddSingleton<IHandoffStore, SqliteHandoffStore>();
        services.AddSingleton(SqliteSubscriptionStore.Schema);
        services.AddSingleton<ISubscriptionStore, SqliteSubscriptionStore>();
        services.AddSingleton(SqliteOfferHistoryStore.Schema);
        services.AddSingleton<IOfferHistoryStore, SqliteOfferHistoryStore>();
        services.AddSingleton(SqliteMessagingWindowStore.Schema);
        services.AddSingleton<IMessagingWindowStore, SqliteMessagingWindowStore>();
        services.AddSingleton(SqlitePageStatusStore.Schema);
        services.AddSingleton<IPageStatusStore, SqlitePageStatusStore>();
        services.AddSingleton(SqliteStopRateCounterStore.Schema);
        services.AddSingleton<IStopRateCounterStore, SqliteStopRateCounterStore>();
        services.AddSingleton(SqliteCampaignStore.Schema);
        services.AddSingleton<ICampaignStore, SqliteCampaignStore>();
        services.AddSingleton(SqliteDeliveryStore.Schema);
        services.AddSingleton<IDeliveryStore, SqliteDeliveryStore>();
        services.AddHealthChecks().AddCheck<SqliteHealthCheck>("storage");
        return services;
    }
}
