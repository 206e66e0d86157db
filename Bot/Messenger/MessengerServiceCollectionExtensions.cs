using ConversationBot.Bot.Messenger.Comments;
using ConversationBot.Bot.Messenger.Links;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.Messenger.Profile;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Messenger.Turns;
using ConversationBot.Bot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger;

public static class MessengerServiceCollectionExtensions
{
    /// <summary>
    /// The Messenger channel: options (validated at start-up), the Send API client, the adapter and
    /// its SQLite stores. Registered always, so a proactive sender can depend on it; the endpoints
    /// are mapped only when the secrets are configured (<see cref="MessengerEndpoints.MapMessengerEndpoints"/>).
    /// </summary>
    public static IServiceCollection AddMessenger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MessengerOptions, MessengerOptionsValidation>(configuration, MessengerOptions.SectionName);

        services.AddHttpClient(MessengerSendClient.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<MessengerOptions>>().Value.SendTimeout);
        services.AddSingleton<MessengerSendClient>();
        services.AddSettings<MessengerProfileOptions, MessengerProfileOptionsValidation>(configuration, MessengerProfileOptions.SectionName);
        services.AddSingleton<MessengerProfileClient>();
        services.AddSingleton<MessengerProfileService>();
        services.AddSingleton<EntryLinks>();
        services.AddSettings<MessengerCommentOptions, MessengerCommentOptionsValidation>(configuration, MessengerCommentOptions.SectionName);
        services.AddSingleton<CommentReplier>();
        services.AddSingleton<CommentReplyThrottle>();
        services.AddSingleton<MessengerAdapter>();
        services.AddSingleton<MessengerOptInHandler>();
        services.AddSingleton<Handover.MessengerHandover>();
        services.AddSingleton<Handover.PageInboxTimeouts>();
        services.AddHostedService(sp => sp.GetRequiredService<Handover.PageInboxTimeouts>());
        services.AddSingleton<Dialogs.Handoff.IHandoffChannel, Handover.MessengerThreadControl>();
        services.AddSingleton<MessengerTurnRunner>();
        services.AddSingleton<MessengerTurnQueue>();
        services.AddHostedService<MessengerInboxSweep>();
        services.AddSingleton(SqliteMessengerEventLog.Schema);
        services.AddSingleton(SqliteMessengerEventLog.Outbox);
        services.AddSingleton(SqliteMessengerEventLog.SetAside);
        services.AddSingleton(SqliteMessengerEventLog.Inbox);
        // Try: a storage back end registered before this (Cosmos DB) brings its own event log.
        services.TryAddSingleton<IMessengerEventLog, SqliteMessengerEventLog>();

        // The local stand-in for Meta's Marketing Messages endpoints: served only when enabled in Development (LocalGraphEndpoints).
        services.AddSingleton<LocalGraphAudience>();
        services.AddSingleton(sp => new LocalMarketingMessagesGraph(sp.GetRequiredService<IOptions<MessengerOptions>>().Value.MarketingMessages.LocalGraph, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(LocalGraphWebhookSender.HttpClientName);
        services.AddHostedService<LocalGraphWebhookSender>();
        return services;
    }
}
