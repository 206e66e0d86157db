using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>
/// The published bot (ConversationBot.Bot.dll, built beside the tests) as a process of its own on
/// 127.0.0.1, so a test can kill it the way a crash or an OOM kill does: SIGKILL, no orderly shutdown,
/// nothing flushed. Settings are passed as environment variables (<c>Delivery__PageSize</c>).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<BotProcess> StartAsync(IDictionary<string, string?> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryPaths.BotProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ConversationBot.Bot.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(RepositoryPaths.BotProject);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["COSMOS_DISABLE_IMDS_ACCESS"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // As in BotHost: "Testing" is not Development, and the fake channels are on loopback.
        start.Environment["Bot__AllowAnonymous"] = "true";

        // As in BotHost: no quiet hours, so a campaign does not wait for the hour the suite runs at.
        start.Environment["Delivery__QuietHours__Start"] = "00:00";
        start.Environment["Delivery__QuietHours__End"] = "00:00";
        foreach (var (key, value) in ShopHours.AlwaysOpen.Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? string.Empty;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot process.");
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => bot.Append(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitUntilHealthyAsync();
        return bot;
    }

    /// <summary>SIGKILL: the process ends where it is; sends in flight, claims and leases stay as they were.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                // Without a timeout, WaitForExit also waits until the redirected output has been read to its end.
                _process.WaitForExit();
                throw new InvalidOperationException($"The bot process exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"The bot process did not become healthy within a minute:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
