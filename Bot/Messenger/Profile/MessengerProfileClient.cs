using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>
/// The Messenger Profile API of the Page (<c>{page}/messenger_profile</c>): two reads (the ice breakers
/// on their own, their shape depends on how they were set), one write of the changed properties and
/// one delete of the removed ones. Both success shapes Meta has used are accepted (<c>result</c> and
/// <c>success</c>); every refusal becomes a <see cref="MessengerProfileException"/> saying what it means
/// (docs/messenger-platform.md §9). The page token goes in the query as for the Send API and is never logged.
/// </summary>
public sealed class MessengerProfileClient(IHttpClientFactory httpClients, IOptions<MessengerOptions> options)
{
    public async Task<(JsonNode? Profile, JsonNode? IceBreakers)> GetAsync(CancellationToken cancellationToken)
    {
        var profile = await SendAsync(HttpMethod.Get, "fields=get_started,greeting,persistent_menu", null, cancellationToken).ConfigureAwait(false);
        var iceBreakers = await SendAsync(HttpMethod.Get, "fields=ice_breakers", null, cancellationToken).ConfigureAwait(false);
        return (profile, iceBreakers);
    }

    public Task PostAsync(JsonObject properties, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, null, properties, cancellationToken);

    public Task DeleteAsync(IReadOnlyList<string> fields, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, null, new JsonObject { ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]) }, cancellationToken);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string? query, JsonObject? body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = new Uri($"{settings.PageEdgeUrl("messenger_profile").AbsoluteUri}?access_token={Uri.EscapeDataString(settings.PageAccessToken ?? string.Empty)}{(query is null ? string.Empty : "&" + query)}");
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var http = httpClients.CreateClient(MessengerSendClient.HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var answer = Parse(text);
        if (!response.IsSuccessStatusCode || answer?["error"] is JsonObject)
        {
            throw new MessengerProfileException(Explain(answer?["error"] as JsonObject, (int)response.StatusCode));
        }

        if (method != HttpMethod.Get && !IsSuccess(answer))
        {
            throw new MessengerProfileException($"Meta answered {(int)response.StatusCode} without saying the change succeeded: {Shorten(text)}");
        }

        return answer;
    }

    /// <summary><c>{"result":"success"}</c> or <c>{"success":true}</c> (also as a string).</summary>
    private static bool IsSuccess(JsonNode? answer) =>
        answer?["result"]?.ToString() is "success"
        || answer?["success"] is JsonValue success && (success.TryGetValue<bool>(out var yes) ? yes : string.Equals(success.ToString(), "true", StringComparison.OrdinalIgnoreCase));

    private static string Explain(JsonObject? error, int status)
    {
        var code = Number(error?["code"]);
        var subcode = Number(error?["error_subcode"]);
        var message = error?["message"]?.ToString() ?? $"HTTP {status.ToString(CultureInfo.InvariantCulture)}";
        return (code, subcode) switch
        {
            (_, 2018145) => "Meta refused the persistent menu: the Page has no Get Started button. Set Messenger:Profile:GetStarted (it is written together with the menu).",
            (4 or 17 or 32 or 613, _) => $"Meta's limit on profile calls was reached (10 calls per 10 minutes per Page): try again in about 10 minutes. ({message})",
            (190, _) => $"Meta refused the page access token (error 190): set a valid Messenger:PageAccessToken. ({message})",
            (10 or 200, _) => $"The page access token lacks a permission the profile needs (pages_messaging; error {code}). ({message})",
            _ => $"Meta refused the profile call (error {code}{(subcode is null ? string.Empty : "/" + subcode)}): {message}",
        };
    }

    private static int? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var n) ? n : null;

    private static JsonNode? Parse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
