using System.Diagnostics;
using System.Text.Json;

namespace ConversationBot.Bench.Fanout;

/// <summary>Runs this executable as a child step and returns the one RESULT line it prints (JSON); its logs are echoed when asked.</summary>
internal static class ChildProcess
{
    private const string ResultPrefix = "RESULT ";

    public static async Task<T> RunAsync<T>(string mode, ChildSettings settings, bool verbose)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in settings.Arguments(mode))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {mode} step.");
        T? result = default;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<T>(line[ResultPrefix.Length..]);
            }
            else if (verbose)
            {
                Console.WriteLine($"  [{mode}] {line}");
            }
        }

        await process.WaitForExitAsync();
        return process.ExitCode == 0 && result is not null
            ? result
            : throw new InvalidOperationException($"The {mode} step failed (exit code {process.ExitCode}); run with --verbose to see its output.");
    }

    /// <summary>What a child prints last for the driver.</summary>
    public static void Report<T>(T result) => Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
}
