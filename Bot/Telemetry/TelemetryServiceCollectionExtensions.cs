using Azure.Monitor.OpenTelemetry.Exporter;
using ConversationBot.Dialogs.OptIns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ConversationBot.Bot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The setting App Service and the templates use for Application Insights; empty: nothing is exported.</summary>
    public const string ApplicationInsightsConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The bot's instruments (<see cref="BotTelemetry"/>), also as the conversation's <see cref="IOptInTelemetry"/>.</summary>
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BotTelemetry>();
        services.TryAddSingleton<IOptInTelemetry>(sp => sp.GetRequiredService<BotTelemetry>());
        return services;
    }

    /// <summary>
    /// OpenTelemetry for the bot's instruments, ASP.NET Core and outgoing HTTP calls, exported to
    /// Application Insights when its connection string is set, and nowhere otherwise (development, tests).
    /// </summary>
    public static IServiceCollection AddTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ApplicationInsightsConnectionStringSetting];
        var export = !string.IsNullOrWhiteSpace(connectionString);
        void Configure(AzureMonitorExporterOptions options) => options.ConnectionString = connectionString;

        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name)
                    // App Service's health probe calls every minute; its traces would drown the turns.
                    .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
                    .AddHttpClientInstrumentation();
                if (export)
                {
                    tracing.AddAzureMonitorTraceExporter(Configure);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name, Storage.Cosmos.CosmosRequestCharges.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (export)
                {
                    metrics.AddAzureMonitorMetricExporter(Configure);
                }
            });

        if (export)
        {
            openTelemetry.WithLogging(logging => logging.AddAzureMonitorLogExporter(Configure));
        }

        return services;
    }
}
