using ConversationBot.Bot.Admin;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Conversation;
using ConversationBot.Bot.Delivery;
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
        services.AddProblemDetails();
        services.AddOpenApi();

        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotCredentialsValidation>();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName))
            .Validate(o => !o.IsEnabled || o.ApiKey!.Length >= AdminOptions.MinimumKeyLength, AdminOptions.TooShort)
            .ValidateOnStart();
        builder.AddBotSecurity();
        services.AddBotFramework(configuration);
        services.AddStorage(configuration);
        services.AddRecurringNotifications(configuration);
        services.AddCustomerServiceDialogs(configuration);
        services.AddMessenger(configuration);
        services.AddProactiveDelivery(configuration);
        services.AddBotTelemetry();
        services.AddTelemetryExport(configuration);
        return builder;
    }

    /// <summary>The Bot Framework pieces: authentication from the MicrosoftApp* settings (with shared connector clients), the adapter, and state on our storage.</summary>
    private static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectorCacheOptions>().Bind(configuration.GetSection(ConnectorCacheOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConnectorClientCache>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConnectorReusingAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            sp.GetRequiredService<ConnectorClientCache>(),
            sp.GetRequiredService<ServiceUrlPolicy>()));
        services.AddSingleton<BotCloudAdapter>();
        services.AddSingleton<ConversationState, SnapshotConversationState>();
        services.AddConversation();
        return services;
    }
}
