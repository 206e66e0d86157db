using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>The client, the database and a handle per catalog container, with the configured names.</summary>
public sealed class CosmosDatabase : IDisposable
{
    private readonly Dictionary<string, Container> _containers;
    private readonly bool _ownsClient;

    /// <summary>The host's: builds the process's client from the options and disposes it with the host.</summary>
    public CosmosDatabase(IOptions<CosmosOptions> options, IOptions<CosmosClientOptions> clientOptions)
        : this(options.Value, CosmosClientFactory.Create(options.Value, clientOptions.Value))
    {
        _ownsClient = true;
    }

    /// <summary>On a client the caller owns (and disposes), e.g. one client for several databases.</summary>
    public CosmosDatabase(CosmosOptions options, CosmosClient client)
    {
        ArgumentNullException.ThrowIfNull(options);
        Client = client;
        Options = options;
        Database = client.GetDatabase(options.Database);
        _containers = CosmosContainers.All.ToDictionary(spec => spec.Name, spec => Database.GetContainer(options.ContainerName(spec)), StringComparer.Ordinal);
    }

    public CosmosClient Client { get; }

    public CosmosOptions Options { get; }

    public Database Database { get; }

    public Container State => this[CosmosContainers.State];

    public Container Subscriptions => this[CosmosContainers.Subscriptions];

    public Container Lookups => this[CosmosContainers.Lookups];

    public Container Customers => this[CosmosContainers.Customers];

    public Container Pages => this[CosmosContainers.Pages];

    public Container Campaigns => this[CosmosContainers.Campaigns];

    public Container Deliveries => this[CosmosContainers.Deliveries];

    public Container Events => this[CosmosContainers.Events];

    public Container this[CosmosContainerSpec spec] => _containers[spec.Name];

    public void Dispose()
    {
        if (_ownsClient)
        {
            Client.Dispose();
        }
    }
}
