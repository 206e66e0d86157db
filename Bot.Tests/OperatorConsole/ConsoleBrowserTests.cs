using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ConversationBot.Bot.Tests.OperatorConsole;

/// <summary>
/// The operator console (/console) in Chromium against the real host: signing in with the admin key
/// (by keyboard alone), what the overview shows, signing out, and no serious or critical accessibility
/// finding on any page (axe). Screenshots of each page are left in bin/.../console-png.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task An_operator_signs_in_with_the_key_by_keyboard_alone_and_sees_topics_funnel_and_campaigns()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/console"));
        Assert.EndsWith("/console/sign-in?ReturnUrl=%2Fconsole", page.Url, StringComparison.Ordinal);
        await ShootAsync(page, "sign-in");

        // Tab past the skip link to the key, type it, Enter.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("key", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(ConsoleFixture.ApiKey);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Overview" }).WaitForAsync();

        var weeklyDeals = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Weekly deals from our shop" });
        Assert.Contains("2", await weeklyDeals.Locator("td.number").First.InnerTextAsync(), StringComparison.Ordinal);
        var poster = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "topic_weekly-deals" });
        Assert.Equal(["topic_weekly-deals", "poster", "1", "1", "1", "1", "0", "100%"], (await poster.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "Funnel by source" }).IsVisibleAsync());
        await ShootAsync(page, "overview");
        Assert.Empty(fixture.Refused);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_on_the_page_and_signing_out_ends_the_session()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/console/sign-in"));
        await page.GetByLabel("Admin API key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("That is not the admin API key.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await ShootAsync(page, "sign-in-refused");

        await page.GetByLabel("Admin API key").FillAsync(ConsoleFixture.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/console/sign-in");
        var again = await page.GotoAsync(Url("/console"));
        Assert.EndsWith("/console/sign-in?ReturnUrl=%2Fconsole", again!.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/console/sign-in", false)]
    [InlineData("/console", true)]
    public async Task Every_page_has_no_serious_or_critical_accessibility_finding(string path, bool signedIn)
    {
        var page = await fixture.NewPageAsync();
        if (signedIn)
        {
            await page.GotoAsync(Url("/console/sign-in"));
            await page.GetByLabel("Admin API key").FillAsync(ConsoleFixture.ApiKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Overview" }).WaitForAsync();
        }

        await page.GotoAsync(Url(path));
        AxeResult result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = ConsoleFixture.ApiKey });

        using var response = await client.PostAsync(new Uri("/console/sign-in", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("conversationbot-console=", StringComparison.Ordinal)));
    }

    private string Url(string path) => new Uri(fixture.Host.BaseAddress, path).ToString();

    private Task ShootAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
