using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>POSTs to the admin API that the Marketing Messages tests make besides AdminClient's: any path, a JSON or a raw body, status and body back.</summary>
internal sealed class AdminPosts : IDisposable
{
    private readonly HttpClient _http;

    public AdminPosts(BotHost host)
    {
        _http = new HttpClient { BaseAddress = host.BaseAddress };
        _http.DefaultRequestHeaders.Add("X-Api-Key", AdminClient.Key);
    }

    /// <summary><paramref name="request"/> as JSON: the status and the body (a JSON object, else empty).</summary>
    public async Task<(int Status, JsonObject Body)> PostJsonAsync(string path, object request)
    {
        using var response = await _http.PostAsJsonAsync(path, request);
        return await ReadAsync(response);
    }

    /// <summary>A body as written, malformed or not.</summary>
    public async Task<(int Status, JsonObject Body)> PostRawAsync(string path, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<(int Status, JsonObject Body)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, string.IsNullOrWhiteSpace(text) || text[0] != '{' ? [] : (JsonObject)JsonNode.Parse(text)!);
    }
}
