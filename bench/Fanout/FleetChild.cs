using System.Diagnostics;
using System.Text.Json;

namespace ConversationBot.Bench.Fanout;

/// <summary>One running <see cref="FleetInstance"/> process, driven line by line over its stdin and stdout.</summary>
internal sealed class FleetChild : IAsyncDisposable
{
    private readonly Process _process;

    private FleetChild(Process process, Uri address, string instanceId)
    {
        _process = process;
        Address = address;
        InstanceId = instanceId;
    }

    public Uri Address { get; }

    public string InstanceId { get; }

    public static async Task<FleetChild> StartAsync(FleetChildSettings settings)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FleetChild).Assembly.Location);
        }

        foreach (var argument in settings.Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["COSMOS_DISABLE_IMDS_ACCESS"] = "true";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start an instance.");
        var ready = await ReadUntilAsync(process, "READY ");
        var parts = ready.Split(' ');
        return new FleetChild(process, new Uri(parts[1]), parts[2]);
    }

    public async Task GoAsync()
    {
        await _process.StandardInput.WriteLineAsync("go");
        await _process.StandardInput.FlushAsync();
        await ReadUntilAsync(_process, "GO");
    }

    public async Task<FleetInstanceResult> StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        var line = await ReadUntilAsync(_process, "RESULT ");
        await _process.WaitForExitAsync();
        return JsonSerializer.Deserialize<FleetInstanceResult>(line["RESULT ".Length..]) ?? throw new InvalidOperationException("An instance reported nothing.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<string> ReadUntilAsync(Process process, string prefix)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"An instance ended before it said {prefix.Trim()} (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }
}
