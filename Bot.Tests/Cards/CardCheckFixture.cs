using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Tests.Cards;

/// <summary>
/// Runs tools/cardcheck once per test run over the whole gallery: install.sh (quick when nothing
/// changed), then check-cards.mjs, which starts one headless Chromium for all cards.
/// </summary>
public sealed class CardCheckFixture : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(2);

    public int ExitCode { get; private set; }

    /// <summary>Everything the checker printed, for failure messages.</summary>
    public string Output { get; private set; } = "";

    public TimeSpan CheckDuration { get; private set; }

    public string PngFolder { get; } = Path.Combine(AppContext.BaseDirectory, "cardcheck-png");

    public IReadOnlyDictionary<string, JsonObject> Results { get; private set; } = new Dictionary<string, JsonObject>();

    public async Task InitializeAsync()
    {
        var repoRoot = ConversationBot.Bot.Tests.Support.RepositoryPaths.Root;
        var toolFolder = Path.Combine(repoRoot, "tools", "cardcheck");

        var install = await RunAsync("bash", [Path.Combine(toolFolder, "install.sh")], toolFolder, InstallTimeout);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/cardcheck/install.sh failed ({install.ExitCode}):\n{install.Output}");
        }

        var galleryFile = Path.Combine(Path.GetTempPath(), $"cardcheck-{Guid.NewGuid():N}.json");
        var gallery = new JsonArray([.. CardGallery.All.Select(sample => new JsonObject
        {
            ["name"] = sample.Name,
            ["card"] = sample.Card.DeepClone(),
        })]);
        await File.WriteAllTextAsync(galleryFile, gallery.ToJsonString());
        try
        {
            if (Directory.Exists(PngFolder))
            {
                Directory.Delete(PngFolder, recursive: true);
            }
            var stopwatch = Stopwatch.StartNew();
            var check = await RunAsync(
                "node",
                [Path.Combine(toolFolder, "check-cards.mjs"), galleryFile, "--png", PngFolder],
                repoRoot,
                CheckTimeout);
            CheckDuration = stopwatch.Elapsed;
            ExitCode = check.ExitCode;
            Output = check.Output;
            Results = ParseResults(check.StandardOutput);
        }
        finally
        {
            File.Delete(galleryFile);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, JsonObject> ParseResults(string standardOutput)
    {
        var results = new Dictionary<string, JsonObject>();
        foreach (var line in standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }
            try
            {
                if (JsonNode.Parse(line) is JsonObject result && result["name"] is JsonValue name)
                {
                    results[name.GetValue<string>()] = result;
                }
            }
            catch (JsonException)
            {
                // Not a result line; it stays visible in Output.
            }
        }
        return results;
    }

    private static async Task<ProcessResult> RunAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} ran longer than {timeout}.");
        }
        var output = await stdout;
        return new ProcessResult(process.ExitCode, output, output + await stderr);
    }

    private sealed record ProcessResult(int ExitCode, string StandardOutput, string Output);
}
