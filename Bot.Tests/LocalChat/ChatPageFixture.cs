using System.Collections.Concurrent;
using System.Net;
using ConversationBot.Bot.LocalChat;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Playwright;

namespace ConversationBot.Bot.Tests.LocalChat;

/// <summary>
/// The bot in Development on 127.0.0.1 and one headless Debian chromium (tools/chromium/install.sh),
/// driven by Playwright, for the chat page's browser tests. Every page it opens is fenced: Web
/// Chat's CDN script is answered with the same version from npm (tools/chatpage), images the cards
/// name are answered with a placeholder, loopback requests go through, anything else is aborted
/// and recorded, so no test ever reaches the network.
/// </summary>
public sealed class ChatPageFixture : IAsyncLifetime
{
    // A 2×1 grey PNG: where a card's image goes, in a banner's proportions (as tools/cardcheck does).
    private static readonly byte[] PlaceholderImage = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAAAAADRSSBWAAAAC0lEQVR4nGM4cQIAAlsBkZO98ecAAAAASUVORK5CYII=");

    private readonly TempDatabase _database = new();
    private IPlaywright _playwright = null!;

    public BotHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Requests the fence refused: a test fails when there is any.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "chatpage-png");

    private string WebChatScript { get; } = Path.Combine(RepositoryPaths.Root, "tools", "chatpage", "node_modules", "botframework-webchat", "dist", "webchat.js");

    public async Task InitializeAsync()
    {
        await Chromium.InstallAsync("tools", "chatpage", "install.sh");
        Directory.CreateDirectory(ScreenshotFolder);
        Host = BotHost.Start(_database.FilePath, new Dictionary<string, string?> { ["MicrosoftAppId"] = "" }, environment: "Development");
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh page (its own cookies and storage) behind the fence.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1100 }, Locale = "en-US" });
        await context.RouteAsync("**/*", FenceAsync);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
        _database.Dispose();
    }

    private async Task FenceAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (url == LocalChatPage.WebChatScript)
        {
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Path = WebChatScript,
                ContentType = "application/javascript; charset=utf-8",
                Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
            });
        }
        else if (url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)))
        {
            await route.ContinueAsync();
        }
        else if (route.Request.ResourceType == "image")
        {
            await route.FulfillAsync(new RouteFulfillOptions { BodyBytes = PlaceholderImage, ContentType = "image/png" });
        }
        else
        {
            Refused.Enqueue(route.Request.Url);
            await route.AbortAsync();
        }
    }
}
