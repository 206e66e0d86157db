using Azure.Monitor.OpenTelemetry.Exporter;
using ConversationBot.Bot.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Telemetry;

/// <summary>Application Insights gets data only when its connection string is set, so tests and local runs make no call out.</summary>
public sealed class TelemetryExportTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/", true)]
    public void The_azure_monitor_exporter_is_registered_only_with_a_connection_string(string? connectionString, bool exported)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryServiceCollectionExtensions.ApplicationInsightsConnectionStringSetting] = connectionString })
            .Build();
        var services = new ServiceCollection();

        services.AddTelemetryExport(configuration);

        // Only the registrations are inspected: building the providers would start the exporter.
        Assert.Equal(exported, services.Any(d => d.ServiceType.GenericTypeArguments.Contains(typeof(AzureMonitorExporterOptions))));
    }
}
