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
        services.AddOptions<MessengerOptions>().Bind(configuration.GetSection(MessengerOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.GraphBaseUrl.IsAbsoluteUri && (o.GraphBaseUrl.Scheme == Uri.UriSchemeHttps || o.GraphBaseUrl.Scheme == Uri.UriSchemeHttp), $"{MessengerOptions.SectionName}:GraphBaseUrl must be an absolute http(s) URL.")
            .Validate(o => IsCultureName(o.Locale), $"{MessengerOptions.SectionName}:Locale must be empty or a culture name such as de-CH.")
            .ValidateOnStart();

        services.AddHttpClient(MessengerSendClient.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<MessengerOptions>>().Value.SendTimeout);
        services.AddSingleton<MessengerSendClient>();
        services.AddSingleton<MessengerAdapter>();
        services.AddSingleton<MessengerOptInHandler>();
        services.AddSingleton<MessengerTurnRunner>();
        services.AddSingleton<MessengerTurnQueue>();
        services.AddHostedService<MessengerInboxSweep>();
        services.AddSingleton(SqliteMessengerEventLog.Schema);
        services.AddSingleton(SqliteMessengerEventLog.Outbox);
        services.AddSingleton(SqliteMessengerEventLog.SetAside);
        services.AddSingleton(SqliteMessengerEventLog.Inbox);
        // Try: a storage back end registered before this (Cosmos DB) brings its own event log.
        services.TryAddSingleton<IMessengerEventLog, SqliteMessengerEventLog>();
        return services;
    }

    private static bool IsCultureName(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return true;
        }

        try
        {
            return System.Globalization.CultureInfo.GetCultureInfo(locale, predefinedOnly: true).Name.Length > 0;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return false;
        }
    }
}
