using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>Healthy when the account answers a read of the database (about one request unit).</summary>
public sealed class CosmosHealthCheck(CosmosDatabase cosmos) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var where = $"Cosmos DB at {cosmos.Options.Endpoint}, database {cosmos.Options.Database}";
        try
        {
            using var response = await cosmos.Database.ReadStreamAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy(where)
                : HealthCheckResult.Unhealthy($"{where} answered {(int)response.StatusCode}: {response.ErrorMessage}");
        }
        catch (Exception ex) when (ex is CosmosException or HttpRequestException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{where} is not reachable: {ex.Message}", ex);
        }
    }
}
