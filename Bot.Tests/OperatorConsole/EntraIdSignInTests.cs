using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Playwright;

namespace ConversationBot.Bot.Tests.OperatorConsole;

/// <summary>
/// The console behind Microsoft Entra ID (OpenID Connect, code flow with PKCE) in a real browser, against a
/// local stand-in for the identity platform: the operator signs in with their account, the app roles in
/// the token decide what they may do, and the admin key no longer opens the console.
/// </summary>
public sealed class EntraIdSignInTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private FakeEntraId _entra = null!;
    private BotHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await Chromium.InstallAsync("tools", "chromium", "install.sh");
        _entra = await FakeEntraId.StartAsync();
        _host = BotHost.Start(_database.FilePath, new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Admin:ApiKey"] = "entra-tests-admin-key-0123456789abcdef",
            ["Console:EntraId:Instance"] = _entra.Instance.ToString(),
            ["Console:EntraId:TenantId"] = FakeEntraId.TenantId,
            ["Console:EntraId:ClientId"] = FakeEntraId.ClientId,
            ["Console:EntraId:ClientSecret"] = FakeEntraId.ClientSecret,
        }, environment: "Development");
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
        await _entra.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task An_operator_signs_in_with_Entra_ID_and_lands_where_they_were_going()
    {
        var page = await (await _browser.NewContextAsync()).NewPageAsync();

        await page.GotoAsync(new Uri(_host.BaseAddress, "/console/campaigns").ToString());
        Assert.Equal(0, await page.GetByLabel("Admin API key").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft Entra ID" }).ClickAsync();

        await ArriveAsync(page, "/console/campaigns");
        Assert.Equal("Campaigns", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Empty(_entra.Refusals);
    }

    [Fact]
    public async Task The_app_roles_in_the_token_decide_what_an_operator_may_do()
    {
        _entra.NextUser = new FakeEntraUser("Rae Reader", ["Console.Read"]);
        var page = await (await _browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(new Uri(_host.BaseAddress, "/console").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft Entra ID" }).ClickAsync();
        await ArriveAsync(page, "/console");

        await page.GotoAsync(new Uri(_host.BaseAddress, "/console/campaigns/new").ToString());

        Assert.Contains("signed in as Rae Reader, but your account has no role for that page", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Waits for the sign-in's redirects to end at <paramref name="path"/>; says where the browser stopped instead.</summary>
    private async Task ArriveAsync(IPage page, string path)
    {
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The sign-in stopped at {page.Url} (identity platform saw: {string.Join(", ", _entra.Requests)}; token refusals: {_entra.Refusals.Count}): {await page.ContentAsync()}");
        }
    }

    [Fact]
    public async Task With_Entra_ID_the_admin_key_does_not_open_the_console()
    {
        using var client = new HttpClient { BaseAddress = _host.BaseAddress };
        var signIn = await client.GetStringAsync(new Uri("/console/sign-in", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(signIn, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var response = await client.PostAsync(
            new Uri("/console/sign-in", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "entra-tests-admin-key-0123456789abcdef", ["__RequestVerificationToken"] = token }));

        Assert.NotEqual(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("conversationbot-console=", StringComparison.Ordinal)));
    }
}
