using System.Diagnostics;
using System.Reflection;
using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Deployment;

/// <summary>azuredeploy.json, which the consistency tests read, is main.bicep as the Bicep CLI compiles it now.</summary>
public sealed class CompiledTemplateTests
{
    [Fact]
    public async Task Azuredeploy_json_is_main_bicep_compiled()
    {
        // Bot.Tests.csproj downloads the compiler from NuGet on Linux x64, the machines that build this;
        // elsewhere there is no compiler to ask, and deploymentTemplates/build.sh is the check.
        var bicep = typeof(CompiledTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "BicepCli")?.Value;
        if (string.IsNullOrEmpty(bicep) || !OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.True(File.Exists(bicep), $"The Bicep CLI is not at {bicep}; restore Bot.Tests.");
        File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        var output = Path.Combine(Path.GetTempPath(), $"azuredeploy-{Guid.NewGuid():N}.json");
        try
        {
            var start = new ProcessStartInfo(bicep)
            {
                ArgumentList = { "build", Path.Combine(RepositoryPaths.Root, "deploymentTemplates", "main.bicep"), "--outfile", output },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, await errors);
            Assert.True(
                Normalized(await File.ReadAllTextAsync(output)) == Normalized(await File.ReadAllTextAsync(DeploymentTemplate.CompiledPath)),
                "deploymentTemplates/azuredeploy.json is not main.bicep compiled: run deploymentTemplates/build.sh and commit the result.");
            Assert.Equal(string.Empty, (await errors).Trim());
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string Normalized(string text) => text.ReplaceLineEndings("\n").Trim();
}
