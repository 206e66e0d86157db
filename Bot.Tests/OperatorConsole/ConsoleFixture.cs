using System.Collections.Concurrent;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Bot.Tests.Support;
using ConversationBot.Notifications.Consent;
using ConversationBot.Notifications.Funnel;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ConversationBot.Bot.Tests.OperatorConsole;

/// <summary>
/// The bot in Development on 127.0.0.1 with an admin key, with a few subscribers and a funnel to show,
/// and one headless Debian chromium (tools/chromium/install.sh) driven by Playwright. Every page is
/// fenced: loopback requests go through, anything else is aborted and recorded (the console ships
/// every asset, so a test fails when a page reaches out). Screenshots are left in bin/.../console-png.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string ApiKey = "console-tests-admin-key-0123456789abcdef";

    /// <summary>Messenger subscribers of the weekly deals, who receive campaigns through the fake Graph API.</summary>
    public const int MessengerSubscribers = 5;

    /// <summary>Messenger subscribers of the flash sales, for the campaign a test cancels while it runs.</summary>
    public const int FlashSubscribers = 4;

    private readonly TempDatabase _database = new();
    private IPlaywright _playwright = null!;

    public BotHost Host { get; private set; } = null!;

    public FakeGraphApi Graph { get; private set; } = null!;

    /// <summary>The Bot Framework channel the desk's Emulator customers talk through (replies and proactive messages land here).</summary>
    public FakeChannel Channel { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public ConcurrentQueue<string> Refused { get; } = new();

    private static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "console-png");

    public async Task InitializeAsync()
    {
        await Chromium.InstallAsync("tools", "chromium", "install.sh");
        Graph = await FakeGraphApi.StartAsync();
        Channel = await FakeChannel.StartAsync();
        var settings = MessengerBot.Settings(Graph);
        settings["MicrosoftAppId"] = "";
        settings["Admin:ApiKey"] = ApiKey;

        // Small pages sent one at a time, so a test can hold a campaign between its sends and cancel it running;
        // its own topic and subscribers, so the other tests' weekly deals are not used up this week.
        settings["Delivery:PageSize"] = "2";
        settings["Delivery:MaxParallelSends"] = "1";
        settings["Notifications:Topics:flash-sales:Title"] = "Flash sales from our shop";
        settings["Notifications:Topics:flash-sales:ShortTitle"] = "Flash sales";
        settings["Notifications:Topics:flash-sales:Description"] = "A few hours of lower prices.";
        settings["Notifications:Topics:flash-sales:Frequency"] = "Weekly";
        settings["Notifications:Topics:flash-sales:Texts:de:Title"] = "Blitzangebote aus unserem Shop";
        settings["Notifications:Topics:flash-sales:Texts:de:ShortTitle"] = "Blitzangebote";
        settings["Notifications:Topics:flash-sales:Texts:de:Description"] = "Ein paar Stunden tiefere Preise.";
        settings["Delivery:Schedules:monday-deals:Topic"] = "weekly-deals";
        settings["Delivery:Schedules:monday-deals:Cron"] = "0 9 * * MON";
        settings["Delivery:Schedules:monday-deals:TimeZone"] = "Europe/Berlin";
        settings["Delivery:Schedules:monday-deals:Text"] = "This week's deals are in.";
        Host = BotHost.Start(_database.FilePath, settings, environment: "Development");
        await SeedAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>The host's address for a path of the console.</summary>
    public string Url(string path) => new Uri(Host.BaseAddress, path).ToString();

    /// <summary>A fresh page signed in with the admin key, on the overview.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Host.BaseAddress, ApiKey);
        return page;
    }

    /// <summary>Signs <paramref name="page"/> in to the console at <paramref name="baseAddress"/> with an admin key, and waits for the overview.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string apiKey)
    {
        await page.GotoAsync(new Uri(baseAddress, "/console/sign-in").ToString());
        await page.GetByLabel("Admin API key").FillAsync(apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Overview" }).WaitForAsync();
    }

    /// <summary>Leaves a full-page screenshot in <c>bin/.../console-png</c> for a reviewer.</summary>
    public Task ShootAsync(IPage page, string name) => ScreenshotAsync(page, name);

    /// <summary>Leaves a full-page screenshot in <c>bin/.../console-png</c> for a reviewer, from any console test.</summary>
    public static Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Screenshots);
        return page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    /// <summary>axe over the page as it is now: no serious or critical finding, or the findings in the failure.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, what + "\n" + string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    /// <summary>A fresh page (its own cookies) behind the fence.</summary>
    public Task<IPage> NewPageAsync() => Chromium.NewFencedPageAsync(Browser, Refused);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
        await Channel.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>
    /// Two Web Chat subscribers of the monthly newsletter, one who came in through a poster's QR code and
    /// was offered a topic first; and <see cref="MessengerSubscribers"/> Messenger subscribers of the weekly deals.
    /// </summary>
    private async Task SeedAsync()
    {
        var consent = Host.Services.GetRequiredService<ConsentService>();
        var funnel = Host.Services.GetRequiredService<EntryFunnel>();
        var now = Host.Now();
        await funnel.EnteredAsync("webchat", "poster-customer", "topic_weekly-deals__src_poster", conversed: true, CancellationToken.None);
        await funnel.OfferShownAsync("webchat", "poster-customer", CancellationToken.None);
        foreach (var customer in new[] { "poster-customer", "walk-in-customer" })
        {
            await consent.AllowFromCardAsync("webchat", customer, "monthly-newsletter", "{\"conversation\":{\"id\":\"c-" + customer + "\"}}", null, now, CancellationToken.None);
        }

        for (var i = 0; i < MessengerSubscribers; i++)
        {
            await consent.ApplyAsync(ConsentEvent.OptIn($"psid-{i}", now, $"token-{i}", "topic:weekly-deals", "Weekly deals from our shop", "Europe/Zurich"), CancellationToken.None);
        }

        for (var i = 0; i < FlashSubscribers; i++)
        {
            await consent.ApplyAsync(ConsentEvent.OptIn($"flash-psid-{i}", now, $"flash-token-{i}", "topic:flash-sales", "Flash sales from our shop", "Europe/Zurich"), CancellationToken.None);
        }

        // The composer's audience: two Messenger subscribers of the order updates, nobody else's.
        for (var i = 0; i < 2; i++)
        {
            await consent.ApplyAsync(ConsentEvent.OptIn($"orders-psid-{i}", now, $"orders-token-{i}", "topic:order-updates", "Updates on your orders", "Europe/Zurich"), CancellationToken.None);
        }
    }
}
