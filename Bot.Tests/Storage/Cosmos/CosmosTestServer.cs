using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Repository;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// One in-memory Cosmos DB server (npm <c>@vercel/cosmosdb-server</c>, pinned in
/// tools/cosmos-test-server) on 127.0.0.1 for the whole test run (<see cref="CosmosServerProcess"/>:
/// install.sh, then node on a free port without TLS). Tests keep apart by database
/// (<see cref="CreateDatabaseAsync"/>), so they stay independent on the shared server.
/// </summary>
public sealed class CosmosTestServer : IAsyncLifetime
{
    /// <summary>The server accepts any key; this is no secret.</summary>
    public const string Key = CosmosServerProcess.Key;

    private CosmosServerProcess? _server;
    private CosmosClient? _client;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Without this the SDK asks the Azure instance-metadata address (169.254.169.254) for the VM's identity; tests stay on loopback.
        Environment.SetEnvironmentVariable("COSMOS_DISABLE_IMDS_ACCESS", "true");
        _server = await CosmosServerProcess.StartAsync(verbose: false, CancellationToken.None);
        Endpoint = _server.Endpoint;
        _client = CosmosClientFactory.Create(OptionsFor("unused"), WithWorkarounds());
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _server = null;
    }

    /// <summary>What the host is given to use this server: Gateway mode (Direct does not work here), this endpoint only, any key.</summary>
    public Dictionary<string, string?> Settings(string database) => new()
    {
        ["Storage:Provider"] = "Cosmos",
        ["Cosmos:Endpoint"] = Endpoint.ToString(),
        ["Cosmos:Key"] = Key,
        ["Cosmos:Database"] = database,
        ["Cosmos:ConnectionMode"] = "Gateway",
        ["Cosmos:LimitToEndpoint"] = "true",
        ["Cosmos:StartupTimeout"] = "00:00:15",
    };

    public static void UseWorkarounds(CosmosClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.HttpClientFactory = () => new HttpClient(new CosmosTestServerWorkarounds());
    }

    public static CosmosClientOptions WithWorkarounds()
    {
        var options = new CosmosClientOptions();
        UseWorkarounds(options);
        return options;
    }

    public CosmosOptions OptionsFor(string database) => new()
    {
        Endpoint = Endpoint,
        Key = Key,
        Database = database,
        ConnectionMode = ConnectionMode.Gateway,
        LimitToEndpoint = true,
    };

    /// <summary>
    /// A database of its own with every container of the catalog, as the host's start-up creates them,
    /// on the run's one client (a client per test would spend most of the test starting up).
    /// </summary>
    public async Task<CosmosDatabase> CreateDatabaseAsync()
    {
        var database = new CosmosDatabase(OptionsFor("t" + Guid.NewGuid().ToString("N")), _client!);
        await CosmosDatabaseInitializer.EnsureCreatedAsync(database, CancellationToken.None);
        return database;
    }
}
