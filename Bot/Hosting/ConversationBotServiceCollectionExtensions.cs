using ConversationBot.Bot.OperatorConsole;
using ConversationBot.Bot.Admin;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Conversation;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Desk;
using ConversationBot.Bot.LocalChat;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Notifications;
using ConversationBot.Bot.Security;
using ConversationBot.Bot.Storage;
using ConversationBot.Bot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Hosting;

/// <summary>Everything the bot needs, registered in one place; Program.cs calls <see cref="AddConversationBot"/>.</summary>
public static class ConversationBotServiceCollectionExtensions
{
    public static WebApplicationBuilder AddConversationBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient();
        // The factory's own request logging (a scope and start/end lines per request) is off for every client:
        // the senders log what matters (Bot/Messenger/MessengerSendClient.cs logs each refusal with Meta's
        // error), OpenTelemetry traces each call, and at campaign rates those handlers were a tenth of a
        // delivery's CPU even with the lines filtered out (bench/README.md, the fan-out profile).
        services.ConfigureHttpClientDefaults(client => client.RemoveAllLoggers());
        services.AddProblemDetails();
        services.AddOpenApi();

        services.AddSettings<BotOptions, BotCredentialsValidation>(configuration, BotOptions.SectionName);
        services.AddSettings<AdminOptions, AdminOptionsValidation>(configuration, AdminOptions.SectionName);
        builder.AddBotSecurity();
        services.AddSettings<LocalChatOptions, LocalChatOptionsValidation>(configuration, LocalChatOptions.SectionName);
        services.AddSingleton<DirectLineConversations>();
        services.AddBotFramework(configuration);
        services.AddStorage(configuration);
        services.AddRecurringNotifications(configuration);
        services.AddCustomerServiceDialogs(configuration);
        services.AddMessenger(configuration);
        services.AddProactiveDelivery(configuration);
        services.AddAgentDesk();
        services.AddBotTelemetry();
        services.AddTelemetryExport(configuration);
        services.AddOperatorConsole(configuration);
        return builder;
    }

    /// <summary>The Bot Framework pieces: authentication from the MicrosoftApp* settings (with shared connector clients), the adapter, and state on our storage.</summary>
    private static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ConnectorCacheOptions, ConnectorCacheOptionsValidation>(configuration, ConnectorCacheOptions.SectionName);
        services.AddSingleton<ConnectorClientCache>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConnectorReusingAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            sp.GetRequiredService<ConnectorClientCache>(),
            sp.GetRequiredService<ServiceUrlPolicy>()));
        services.AddSingleton<BotCloudAdapter>();
        services.AddSingleton<ConversationState>(sp => new SnapshotConversationState(sp.GetRequiredService<IStorage>(), [WindowStamp.StampedAtProperty]));
        services.AddConversation();
        return services;
    }
}
