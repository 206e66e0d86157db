using System.ComponentModel.DataAnnotations;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>The Cosmos DB account and how to talk to it (<c>Storage:Provider = Cosmos</c>).</summary>
public sealed class CosmosOptions
{
    public const string SectionName = "Cosmos";

    /// <summary>The account endpoint, e.g. https://myaccount.documents.azure.com:443/.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Cosmos:Endpoint must be the Cosmos DB account's URL when Storage:Provider is Cosmos.")]
    public Uri? Endpoint { get; init; }

    /// <summary>The account key. Empty: <c>DefaultAzureCredential</c> (managed identity in Azure, your az login locally).</summary>
    public string? Key { get; init; }

    /// <summary>A user-assigned managed identity's client id; empty: the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; init; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Cosmos:Database must name the database.")]
    public string Database { get; init; } = "conversationbot";

    /// <summary>Direct (TCP to the replicas: fewer hops, the SDK's advice for production) or Gateway (HTTPS only: emulators, strict firewalls).</summary>
    public ConnectionMode ConnectionMode { get; init; } = ConnectionMode.Direct;

    /// <summary>Only ever talk to <see cref="Endpoint"/>, never to the regional endpoints the account advertises (emulators, test servers, private links).</summary>
    public bool LimitToEndpoint { get; init; }

    /// <summary>How often one request is retried after a 429; the SDK waits the Retry-After the service sends.</summary>
    [Range(0, 100, ErrorMessage = "Cosmos:MaxRetryAttemptsOnRateLimitedRequests must be 0 to 100.")]
    public int MaxRetryAttemptsOnRateLimitedRequests { get; init; } = 9;

    /// <summary>The most one request waits in total across its 429 retries.</summary>
    public TimeSpan MaxRetryWaitTimeOnRateLimitedRequests { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long start-up may spend reaching the account and creating what is missing before the host stops.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often each instance adds the console's topic counts it gathered (offers, acceptances, declines, stops,
    /// campaign outcomes) to their day documents: one patch per topic and day per interval instead of one per
    /// event. What an instance gathered since its last flush is lost if it dies without stopping (docs/cost.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TopicCountsFlushInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-container name overrides by catalog name (<c>Cosmos:Containers:state = botstate</c>); absent: the catalog's name.</summary>
    public Dictionary<string, string> Containers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string ContainerName(CosmosContainerSpec spec) =>
        Containers.TryGetValue(spec.Name, out var name) && !string.IsNullOrWhiteSpace(name) ? name : spec.Name;
}
