using System.Net.Http.Json;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.LocalChat;

/// <summary>Talks to the host's local Direct Line 3.0 endpoint as Web Chat's DirectLineJS does (webSocket off, polling with a watermark).</summary>
public sealed class LocalDirectLineClient(HttpClient http)
{
    public const string Base = "/v3/directline";

    public async Task<(HttpResponseMessage Response, string? ConversationId)> StartAsync(string userId = "user-1", string? locale = null)
    {
        var response = await http.PostAsJsonAsync($"{Base}/conversations", new { user = new { id = userId }, locale });
        if (!response.IsSuccessStatusCode)
        {
            return (response, null);
        }

        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return (response, (string?)body["conversationId"]);
    }

    public Task<HttpResponseMessage> PostAsync(string conversationId, string text, string userId = "user-1", string? clientActivityId = null) =>
        PostRawAsync(conversationId, new JObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JObject { ["id"] = userId },
            ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        }.ToString());

    public Task<HttpResponseMessage> PostRawAsync(string conversationId, string json) =>
        http.PostAsync($"{Base}/conversations/{conversationId}/activities", new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<(IReadOnlyList<JObject> Activities, string Watermark)> GetAsync(string conversationId, string? watermark)
    {
        using var response = await http.GetAsync($"{Base}/conversations/{conversationId}/activities?watermark={watermark}");
        response.EnsureSuccessStatusCode();
        var set = JObject.Parse(await response.Content.ReadAsStringAsync());
        return ([.. set["activities"]!.Cast<JObject>()], (string)set["watermark"]!);
    }
}
