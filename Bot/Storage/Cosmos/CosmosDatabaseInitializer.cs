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
            await EnsureCreatedAsync(cosmos, timeout.Token, logger).ConfigureAwait(false);
            LogReady(logger, options.Endpoint, options.Database, CosmosContainers.All.Count);
        }
        catch (Exception ex) when ((ex is CosmosException or HttpRequestException or OperationCanceledException or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException)
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(Explain(options, ex), ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Idempotent: a missing container is created with its spec's partition key, time to live and
    /// indexing policy; an existing one whose time to live or indexed paths differ from the spec is
    /// brought in line (a key may change containers; a managed identity may not, and is then left to
    /// the deployment templates, which declare the same, with a warning). Throughput belongs to the deployment.
    /// </summary>
    public static async Task EnsureCreatedAsync(CosmosDatabase cosmos, CancellationToken cancellationToken, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(cosmos);
        await cosmos.Client.CreateDatabaseIfNotExistsAsync(cosmos.Options.Database, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(CosmosContainers.All.Select(spec => EnsureContainerAsync(cosmos, spec, logger, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>What the service is asked to create for <paramref name="spec"/> under <paramref name="name"/>.</summary>
    public static ContainerProperties PropertiesFor(CosmosContainerSpec spec, string name)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var properties = new ContainerProperties(name, spec.PartitionKeyPath) { DefaultTimeToLive = spec.DefaultTimeToLiveSeconds };
        ApplyIndexing(properties.IndexingPolicy, spec);
        return properties;
    }

    /// <summary>Only the spec's paths are indexed; the root and so every other path is excluded (the service adds <c>/"_etag"/?</c> itself).</summary>
    private static void ApplyIndexing(IndexingPolicy policy, CosmosContainerSpec spec)
    {
        policy.IndexingMode = IndexingMode.Consistent;
        policy.Automatic = true;
        policy.IncludedPaths.Clear();
        foreach (var path in spec.IndexedPaths)
        {
            policy.IncludedPaths.Add(new IncludedPath { Path = path });
        }

        policy.ExcludedPaths.Clear();
        policy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
    }

    private static bool Matches(ContainerProperties stored, CosmosContainerSpec spec) =>
        stored.DefaultTimeToLive == spec.DefaultTimeToLiveSeconds
        && stored.IndexingPolicy.IncludedPaths.Select(p => p.Path).Order(StringComparer.Ordinal).SequenceEqual(spec.IndexedPaths.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && stored.IndexingPolicy.ExcludedPaths.Any(p => p.Path == "/*");

    private static async Task EnsureContainerAsync(CosmosDatabase cosmos, CosmosContainerSpec spec, ILogger? logger, CancellationToken cancellationToken)
    {
        var name = cosmos.Options.ContainerName(spec);
        var response = await cosmos.Database.CreateContainerIfNotExistsAsync(PropertiesFor(spec, name), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created || response.Resource is not { } stored || Matches(stored, spec))
        {
            return;
        }

        stored.DefaultTimeToLive = spec.DefaultTimeToLiveSeconds;
        ApplyIndexing(stored.IndexingPolicy, spec);
        try
        {
            await cosmos.Database.GetContainer(name).ReplaceContainerAsync(stored, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (logger is not null)
            {
                LogUpdated(logger, name);
            }
        }
        catch (CosmosException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            if (logger is not null)
            {
                LogNotUpdated(logger, name);
            }
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Cosmos DB container {Container}: time to live and indexing policy updated to the code's (Bot/Storage/Cosmos/CosmosContainers.cs)")]
    private static partial void LogUpdated(ILogger logger, string container);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cosmos DB container {Container}: its time to live or indexing policy differs from the code's and this identity may not change it; deploy deploymentTemplates/main.bicep to bring it in line")]
    private static partial void LogNotUpdated(ILogger logger, string container);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cosmos DB at {Endpoint}, database {Database}: {Count} containers ready")]
    private static partial void LogReady(ILogger logger, Uri? endpoint, string database, int count);
}
