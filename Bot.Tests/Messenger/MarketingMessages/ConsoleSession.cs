using System.Net;
using System.Text.RegularExpressions;
using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// The operator console as a browser without script sees it: signed in with the admin key through the sign-in form
/// (its antiforgery token and cookie included), then pages read as HTML.
/// </summary>
internal sealed partial class ConsoleSession : IDisposable
{
    private readonly HttpClient _http;

    private ConsoleSession(BotHost host)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress };
    }

    public static async Task<ConsoleSession> SignInAsync(BotHost host)
    {
        var session = new ConsoleSession(host);
        var form = await session._http.GetStringAsync(new Uri("/console/sign-in", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups["token"].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = AdminClient.Key, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) });
        using var response = await session._http.PostAsync(new Uri("/console/sign-in", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"sign-in answered {(int)response.StatusCode}");
        return session;
    }

    public async Task<string> PageAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
