using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>
/// Debian's chromium for the browser tests (Playwright's own browser download does not work here):
/// installed by a script of the repository (quick when nothing is missing) and launched headless.
/// </summary>
public static class Chromium
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs an install script under tools/ (e.g. <c>tools/chromium/install.sh</c>) and fails with its output when it fails.</summary>
    public static async Task InstallAsync(params string[] scriptPath)
    {
        var script = Path.Combine([RepositoryPaths.Root, .. scriptPath]);
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(script);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} ran longer than {InstallTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}):\n{await stdout}{await stderr}");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHATPAGE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
        });
    }

    /// <summary>
    /// A fresh page (its own cookies) behind the loopback fence: requests to loopback go through, anything else is
    /// aborted and recorded in <paramref name="refused"/>, so a test fails when a page reaches out.
    /// </summary>
    public static async Task<IPage> NewFencedPageAsync(IBrowser browser, ConcurrentQueue<string> refused, int width = 1100, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(refused);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-US" });
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)))
            {
                await route.ContinueAsync();
            }
            else
            {
                refused.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return await context.NewPageAsync();
    }
}
