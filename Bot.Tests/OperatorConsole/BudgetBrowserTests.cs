using System.Collections.Concurrent;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Messenger.MarketingMessages;
using ConversationBot.Bot.Tests.Messenger.Support;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationBot.Bot.Tests.OperatorConsole;

/// <summary>
/// A marketer raises a held campaign's Marketing Messages budget from its page in the console (Pages/Campaigns/Budget.cshtml.cs),
/// against the bot's local Marketing Messages stand-in in Development: a budget of 2 for three US subscribers and one
/// German holds the campaign after two; the page says why and what is in force; a raise the rules refuse comes back
/// with the reason and changes nothing at Meta; a raise to 10 finishes the campaign with nobody twice and one Meta campaign.
/// </summary>
public sealed class BudgetBrowserTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _refused = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await Chromium.InstallAsync("tools", "chromium", "install.sh");
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task A_campaign_held_for_its_spent_budget_is_raised_from_its_page_and_finishes_with_nobody_twice()
    {
        await using var bot = await MarketingMessagesHost.StartWithStandInAsync(BotHost.FreePort(), new Dictionary<string, string> { ["FailedShare"] = "0", ["MaxWebhookDelay"] = "00:00:05" });
        var graph = bot.Host.Services.GetRequiredService<LocalMarketingMessagesGraph>();
        await MarketingMessagesHost.OptInAsync(bot, ("us-1", "America/New_York"), ("us-2", "America/Chicago"), ("us-3", "America/Denver"), ("eu-1", "Europe/Berlin"));

        var admin = new AdminClient(bot.Host);
        var id = await admin.CreateCampaignAsync(new { topic = "weekly-deals", text = "Deals", budget = 2 });
        await Polling.UntilAsync(
            async () => (await admin.SendAsync(HttpMethod.Get, $"/api/admin/campaigns/{id}")).Body!.AsObject(),
            c => graph.Accepted.Count == 2 && graph.NextWebhookAt() is null && c["heldReason"] is not null,
            TimeSpan.FromSeconds(60),
            c => $"not held after two: {c.ToJsonString()}",
            () => bot.Clock.Advance(TimeSpan.FromMinutes(1)));

        var page = await Chromium.NewFencedPageAsync(_browser, _refused);
        await ConsoleFixture.SignInAsync(page, bot.Host.BaseAddress, AdminClient.Key);
        await page.GotoAsync(new Uri(bot.Host.BaseAddress, $"/console/campaigns/{id}").ToString());

        Assert.Contains("budget", await page.Locator("[data-field=held]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("2", await page.Locator("[data-field=budget]").InnerTextAsync());
        await ConsoleFixture.AssertAccessibleAsync(page, "a campaign held for its budget");
        await ConsoleFixture.ScreenshotAsync(page, "campaign-held-for-budget");

        // Past the browser's own check (min), the server's: a budget is raised, never kept or lowered.
        await page.Locator("#raise-budget").EvaluateAsync("form => form.noValidate = true");
        await page.GetByLabel("New budget").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the budget" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Budget of campaign {id}" }).WaitForAsync();
        Assert.Contains("must be more than the budget in force (2)", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("New budget").GetAttributeAsync("aria-invalid"));
        await ConsoleFixture.AssertAccessibleAsync(page, "a refused raise");
        await ConsoleFixture.ScreenshotAsync(page, "campaign-budget-refused");
        Assert.Contains("\"lifetime_budget\":\"2\"", graph.ListAds("1234567890").Body.ToJsonString(), StringComparison.Ordinal);

        await page.GetByLabel("New budget").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the budget" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Campaign {id}" }).WaitForAsync();
        Assert.Contains("\"lifetime_budget\":\"10\"", graph.ListAds("1234567890").Body.ToJsonString(), StringComparison.Ordinal);
        var done = await admin.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60), bot.Clock, TimeSpan.FromSeconds(1));

        Assert.Equal(["us-1", "us-2", "us-3"], graph.Accepted.Select(a => a.Token).Order());
        Assert.Equal(1, graph.CampaignCount);
        Assert.Equal(4, AdminClient.Progress(done, "sent"));
        await page.ReloadAsync();
        Assert.Equal("Completed", await page.Locator("[data-field=status]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#raise-budget").CountAsync());
        Assert.Empty(_refused);
    }
}
