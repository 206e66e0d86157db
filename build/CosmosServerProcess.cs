using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
namespace ConversationBot.Repository;

/// <summary>
/// The local Cosmos DB test server (npm <c>@vercel/cosmosdb-server</c>, pinned in tools/cosmos-test-server)
/// on 127.0.0.1 without TLS: install.sh (quick when nothing changed), then node on a free port, stopped
/// with its process tree. One file, linked into the tests (Bot.Tests/Storage/Cosmos/CosmosTestServer.cs)
/// and bench/Cost, which start it the same way.
/// </summary>
internal sealed class CosmosServerProcess : IAsyncDisposable
{
    /// <summary>The server accepts any key; this is no secret.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private readonly Process _server;

    private CosmosServerProcess(Process server, Uri endpoint)
    {
        _server = server;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<CosmosServerProcess> StartAsync(bool verbose, CancellationToken cancellationToken)
    {
        var tool = Path.Combine(RepositoryRoot.Path, "tools", "cosmos-test-server");
        await RunInstallAsync(tool, cancellationToken);

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine("node_modules", "@vercel", "cosmosdb-server", "lib", "cli.js"), "-p", port.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--no-ssl" })
        {
            start.ArgumentList.Add(argument);
        }

        var server = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for the Cosmos DB test server.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        void Collect(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (verbose && line is not null)
            {
                Console.Error.WriteLine($"[cosmos-test-server] {line}");
            }

            if (line?.Contains("Ready to accept", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        }

        server.OutputDataReceived += (_, e) => Collect(e.Data);
        server.ErrorDataReceived += (_, e) => Collect(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var started = new CosmosServerProcess(server, new Uri($"http://127.0.0.1:{port}/"));
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken), server.WaitForExitAsync(cancellationToken)) != ready.Task)
        {
            await started.DisposeAsync();
            lock (output)
            {
                throw new InvalidOperationException($"The Cosmos DB test server did not start on port {port}:\n{output}");
            }
        }

        return started;
    }

    public ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
        }

        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunInstallAsync(string tool, CancellationToken cancellationToken)
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
        var stdout = install.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = install.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        await install.WaitForExitAsync(timeout.Token);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/cosmos-test-server/install.sh failed ({install.ExitCode}):\n{await stdout}{await stderr}");
        }
    }
}
