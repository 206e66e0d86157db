using System.Net;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Creates the database and every container of the catalog that is missing, before the host serves
/// anything; a host that cannot reach its store should stop at once with a message saying why,
/// not answer customers with apologies.
/// </summary>
public sealed partial class CosmosDatabaseInitializer(CosmosDatabase cosmos, ILogger<CosmosDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = cosmos.Options;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartupTimeout);
        try
        {
            await EnsureCreatedAsync(cosmos, timeout.Token).ConfigureAwait(false);
            LogReady(logger, options.Endpoint, options.Database, CosmosContainers.All.Count);
        }
        catch (Exception ex) when ((ex is CosmosException or HttpRequestException or OperationCanceledException or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException)
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(Explain(options, ex), ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Idempotent: existing resources are left as they are (their throughput and indexing belong to the deployment).</summary>
    public static async Task EnsureCreatedAsync(CosmosDatabase cosmos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cosmos);
        await cosmos.Client.CreateDatabaseIfNotExistsAsync(cosmos.Options.Database, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(CosmosContainers.All.Select(spec => cosmos.Database.CreateContainerIfNotExistsAsync(
            new ContainerProperties(cosmos.Options.ContainerName(spec), spec.PartitionKeyPath) { DefaultTimeToLive = spec.DefaultTimeToLiveSeconds },
            cancellationToken: cancellationToken))).ConfigureAwait(false);
    }

    private static string Explain(CosmosOptions options, Exception ex)
    {
        var where = $"Cosmos DB at {options.Endpoint} (database '{options.Database}', Storage:Provider = Cosmos)";
        return ex switch
        {
            CosmosException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } =>
                $"{where} refused the credentials or the creation of a missing database or container: check Cosmos:Key, or the managed identity's data-plane role (Cosmos DB Built-in Data Contributor) and Cosmos:ManagedIdentityClientId. With a managed identity the database and containers must exist already (the deployment templates create them; data-plane roles cannot). {ex.Message}",
            Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException =>
                $"{where}: no credential. Set Cosmos:Key, or run where a managed identity (or az login) is available. {ex.Message}",
            OperationCanceledException =>
                $"{where} did not answer within Cosmos:StartupTimeout ({options.StartupTimeout}). Check Cosmos:Endpoint and the network.",
            _ => $"{where} is not usable: {ex.Message}",
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cosmos DB at {Endpoint}, database {Database}: {Count} containers ready")]
    private static partial void LogReady(ILogger logger, Uri? endpoint, string database, int count);
}
