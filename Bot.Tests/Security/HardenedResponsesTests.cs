using System.Net;
using System.Text.RegularExpressions;
using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.Security;

/// <summary>
/// What a browser gets: security headers on HTML (a CSP without inline script that no page may frame,
/// nosniff, no referrer), nosniff everywhere, no Server banner; HSTS and HTTPS redirection only outside
/// Development, with the scheme taken from X-Forwarded-Proto only when a trusted proxy (here loopback) sends it.
/// </summary>
public sealed class HardenedResponsesTests : IDisposable
{
    // HSTS is never sent for localhost or 127.0.0.1 (ASP.NET Core's excluded hosts), so requests name the public host.
    private const string PublicHost = "bot.example.com";

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_start_page_is_html_with_the_security_headers_and_no_inline_script()
    {
        await using var bot = BotHost.Start(_database.FilePath);

        using var page = await bot.Client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        using var stylesheet = await bot.Client.GetAsync("/site.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var csp = Header(page, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(page, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(page, "Referrer-Policy"));
        Assert.Equal("DENY", Header(page, "X-Frame-Options"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("nosniff", Header(stylesheet, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Json_answers_carry_nosniff_and_no_response_names_the_server()
    {
        await using var bot = BotHost.Start(_database.FilePath);

        using var health = await bot.Client.GetAsync("/healthz");
        using var problem = await bot.Client.PostAsync("/api/messages", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        using var missing = await bot.Client.GetAsync("/nothing-here");

        Assert.Equal("nosniff", Header(health, "X-Content-Type-Options"));
        Assert.Equal("nosniff", Header(problem, "X-Content-Type-Options"));
        Assert.All(new[] { health, problem, missing }, r => Assert.False(r.Headers.Contains("Server"), "a Server header"));
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Testing", true)]
    [InlineData("Development", false)]
    public async Task HSTS_is_sent_only_outside_Development(string environment, bool sent)
    {
        await using var bot = BotHost.Start(_database.FilePath, environment: environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sent, response.Headers.Contains("Strict-Transport-Security"));
        if (sent)
        {
            Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Production", null, HttpStatusCode.TemporaryRedirect)]
    [InlineData("Production", "https", HttpStatusCode.OK)]
    [InlineData("Development", null, HttpStatusCode.OK)]
    public async Task Plain_http_is_redirected_to_https_outside_Development(string environment, string? forwardedProto, HttpStatusCode expected)
    {
        // The port a redirect names; App Service's front end answers https on 443.
        await using var bot = BotHost.Start(_database.FilePath, new Dictionary<string, string?> { ["HTTPS_PORT"] = "443" }, environment: environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = PublicHost;
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        // Not followed: the redirect names a host off this machine, and no test traffic leaves loopback.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bot.BaseAddress };
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.TemporaryRedirect)
        {
            Assert.Equal(new Uri($"https://{PublicHost}/healthz"), response.Headers.Location);
        }
    }

    public void Dispose() => _database.Dispose();

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : string.Empty;
}
