using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Builds the one <see cref="CosmosClient"/> of the process: the SDK wants a single long-lived
/// client (it holds the connections, the routing map and the session tokens).
/// </summary>
public static class CosmosClientFactory
{
    public static CosmosClient Create(CosmosOptions options, CosmosClientOptions clientOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clientOptions);
        var endpoint = options.Endpoint?.ToString() ?? throw new OptionsValidationException(CosmosOptions.SectionName, typeof(CosmosOptions), ["Cosmos:Endpoint is not set."]);
        clientOptions.ApplicationName ??= "ConversationBot";
        clientOptions.ConnectionMode = options.ConnectionMode;
        clientOptions.LimitToEndpoint = options.LimitToEndpoint;
        clientOptions.MaxRetryAttemptsOnRateLimitedRequests = options.MaxRetryAttemptsOnRateLimitedRequests;
        clientOptions.MaxRetryWaitTimeOnRateLimitedRequests = options.MaxRetryWaitTimeOnRateLimitedRequests;

        if (!clientOptions.CustomHandlers.Any(h => h is CosmosRequestCharges))
        {
            clientOptions.CustomHandlers.Add(new CosmosRequestCharges());
        }

        // Writes answer with headers only (ETag, charge): every store reads back what it needs, so bodies would be wasted bandwidth.
        clientOptions.EnableContentResponseOnWrite = false;

        return string.IsNullOrEmpty(options.Key)
            ? new CosmosClient(endpoint, Credential(options), clientOptions)
            : new CosmosClient(endpoint, options.Key, clientOptions);
    }

    private static TokenCredential Credential(CosmosOptions options) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
}
