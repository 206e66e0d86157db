using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// One in-memory Cosmos DB server (npm <c>@vercel/cosmosdb-server</c>, pinned in
/// tools/cosmos-test-server) on 127.0.0.1 for the whole test run: install.sh (quick when nothing
/// changed), then node on a free port without TLS. Tests keep apart by database
/// (<see cref="CreateDatabaseAsync"/>), so they stay independent on the shared server.
/// </summary>
public sealed class CosmosTestServer : IAsyncLifetime
{
    /// <summary>The server accepts any key; this is no secret.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);

    private Process? _server;
    private CosmosClient? _client;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Without this the SDK asks the Azure instance-metadata address (169.254.169.254) for the VM's identity; tests stay on loopback.
        Environment.SetEnvironmentVariable("COSMOS_DISABLE_IMDS_ACCESS", "true");

        var tool = Path.Combine(RepositoryPaths.Root, "tools", "cosmos-test-server");
        await RunInstallAsync(tool);

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine("node_modules", "@vercel", "cosmosdb-server", "lib", "cli.js"), "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--no-ssl" })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for the Cosmos DB test server.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        _server.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Ready to accept", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        _server.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, Task.Delay(ReadyTimeout), _server.WaitForExitAsync()) != ready.Task)
        {
            await DisposeAsync();
            lock (output)
            {
                throw new InvalidOperationException($"The Cosmos DB test server did not start on port {port}:\n{output}");
            }
        }

        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _client = CosmosClientFactory.Create(OptionsFor("unused"), WithWorkarounds());
    }

    public Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
        }

        _server?.Dispose();
        _server = null;
        return Task.CompletedTask;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunInstallAsync(string tool)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(tool, "install.sh"));
        using var install = Process.Start(start) ?? throw new InvalidOperationException("Could not run tools/cosmos-test-server/install.sh.");
        var stdout = install.StandardOutput.ReadToEndAsync();
        var stderr = install.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        await install.WaitForExitAsync(timeout.Token);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/cosmos-test-server/install.sh failed ({install.ExitCode}):\n{await stdout}{await stderr}");
        }
    }
}
