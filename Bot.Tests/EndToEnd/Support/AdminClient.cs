using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>The admin API as an operator's script uses it: create a campaign, then watch its progress.</summary>
public sealed class AdminClient
{
    /// <summary>At least 32 characters, as the host requires (Admin:ApiKey).</summary>
    public const string Key = "test-admin-key-campaigns-0123456789abcdef";

    private readonly HttpClient _http;

    public AdminClient(BotHost host)
        : this(host.BaseAddress)
    {
    }

    public AdminClient(Uri baseAddress)
    {
        _http = new HttpClient { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Admin:ApiKey"] = Key };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task<string> CreateCampaignAsync(object request)
    {
        using var response = await _http.PostAsJsonAsync("/api/admin/campaigns", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    /// <summary>POST /api/admin/campaigns/preview: the status and the body (the preview, or the problem).</summary>
    public async Task<(int Status, JsonObject Body)> PreviewAsync(object request)
    {
        using var response = await _http.PostAsJsonAsync("/api/admin/campaigns/preview", request);
        return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    /// <summary>POST /api/admin/campaigns without expecting success: the status and the body.</summary>
    public async Task<(int Status, JsonObject Body)> TryCreateCampaignAsync(object request)
    {
        using var response = await _http.PostAsJsonAsync("/api/admin/campaigns", request);
        return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    /// <summary>The Messenger webhook events set aside instead of run, newest first.</summary>
    public async Task<JsonArray> SetAsideEventsAsync() =>
        (await _http.GetFromJsonAsync<JsonArray>("/api/admin/messenger/set-aside"))!;

    /// <summary>One customer's subscriptions on one channel, in every status.</summary>
    public async Task<JsonArray> SubscriptionsAsync(string channelId, string customerId) =>
        (await _http.GetFromJsonAsync<JsonArray>($"/api/admin/customers/{Uri.EscapeDataString(channelId)}/{Uri.EscapeDataString(customerId)}/subscriptions"))!;

    /// <summary>A GET or POST to the admin API: its status and body (JSON when it is JSON).</summary>
    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, string.IsNullOrWhiteSpace(text) || text[0] is not ('{' or '[') ? JsonValue.Create(text) : JsonNode.Parse(text));
    }

    /// <summary>The topics with their active subscriber counts and stop-rate guard.</summary>
    public async Task<JsonArray> TopicsAsync() => (await _http.GetFromJsonAsync<JsonArray>("/api/admin/topics"))!;

    /// <summary>Counts every topic's active subscribers again (the repair of a drifted count) and lists the topics.</summary>
    public async Task<JsonArray> RecountTopicsAsync()
    {
        using var response = await _http.PostAsync(new Uri("/api/admin/topics/recount", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    /// <summary>A topic's active subscriber count as a topics listing shows it.</summary>
    public static long ActiveSubscribers(JsonArray topics, string topicId) =>
        topics.Single(t => t!["id"]!.GetValue<string>() == topicId)!["activeSubscribers"]!.GetValue<long>();

    public async Task<JsonObject> CampaignAsync(string id) =>
        (await _http.GetFromJsonAsync<JsonObject>($"/api/admin/campaigns/{Uri.EscapeDataString(id)}"))!;

    /// <summary>
    /// Polls until the campaign has finished; fails after <paramref name="timeout"/> of real time.
    /// With a fake clock, each poll moves it on by <paramref name="clockStep"/>, so the host's retry waits elapse.
    /// </summary>
    public async Task<JsonObject> WaitUntilFinishedAsync(string id, TimeSpan? timeout = null, FakeTimeProvider? clock = null, TimeSpan clockStep = default)
    {
        return await Polling.UntilAsync(
            () => CampaignAsync(id),
            campaign => campaign["status"]!.GetValue<string>() is "Completed" or "Cancelled",
            timeout ?? TimeSpan.FromSeconds(30),
            campaign => $"campaign {id} did not finish: {campaign.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}",
            () => clock?.Advance(clockStep));
    }

    public static long Progress(JsonObject campaign, string outcome) => campaign["progress"]![outcome]!.GetValue<long>();
}
