using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;

/// <summary>
/// The stand-in's Graph paths under <c>/local-graph/&lt;version&gt;/</c>, in Development only: point
/// <c>Messenger:MarketingMessages:GraphBaseUrl</c> at <c>http://localhost:3978/local-graph</c>. Calls carry
/// the configured access token (<c>Authorization: Bearer</c> or <c>access_token</c>), as at Meta, or get 190.
/// </summary>
public static class LocalGraphEndpoints
{
    public const string Prefix = "/local-graph/{version}";

    public static IEndpointRouteBuilder MapLocalMarketingMessagesGraph(this IEndpointRouteBuilder endpoints, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var messenger = endpoints.ServiceProvider.GetRequiredService<IOptions<MessengerOptions>>().Value;
        var options = messenger.MarketingMessages;
        if (!options.LocalGraph.Enabled)
        {
            return endpoints;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Messenger:MarketingMessages:LocalGraph:Enabled is for Development only (environment '{environment.EnvironmentName}'): it pretends to be Meta and charges nothing.");
        }

        return endpoints.MapLocalGraphRoutes(endpoints.ServiceProvider.GetRequiredService<LocalMarketingMessagesGraph>(), options.AccessToken, messenger.PageAccessToken);
    }

    /// <summary>
    /// The stand-in's routes under <see cref="Prefix"/> for <paramref name="graph"/>, on any host: the bot's own
    /// (above, Development only), or a process of its own that outlives the bot, as the crash tests
    /// (Bot.Tests/EndToEnd/MarketingMessagesCrashTests.cs) and bench/Fanout host it.
    /// </summary>
    /// <param name="accessToken">The Marketing Messages access token calls must carry.</param>
    /// <param name="pageAccessToken">The Page access token the unsubscribe call must carry.</param>
    public static IEndpointRouteBuilder MapLocalGraphRoutes(this IEndpointRouteBuilder endpoints, LocalMarketingMessagesGraph graph, string? accessToken, string? pageAccessToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var group = endpoints.MapGroup(Prefix).ExcludeFromDescription();
        group.MapPost("/act_{account}/message_campaign", (string account, HttpRequest request) =>
            AnswerAsync(request, accessToken, body => graph.CreateCampaign(account, body)));
        group.MapPost("/act_{account}/messages", (string account, HttpRequest request) =>
            AnswerAsync(request, accessToken, body => graph.Send(account, body)));
        group.MapGet("/act_{account}/ads", (string account, HttpRequest request) =>
            AnswerAsync(request, accessToken, _ => graph.ListAds(account), readBody: false));
        group.MapPost("/{campaignId}", (string campaignId, HttpRequest request) =>
            AnswerAsync(request, accessToken, body => graph.UpdateCampaign(campaignId, body)));
        group.MapPost("/{pageId}/messaging_customer_base/unsubscribe", (string pageId, HttpRequest request) =>
            AnswerAsync(request, pageAccessToken, body => graph.Unsubscribe(pageId, body)));
        group.MapGet("/{campaignId}/insights", (string campaignId, HttpRequest request) =>
            AnswerAsync(request, accessToken, _ => graph.Insights(campaignId), readBody: false));
        return endpoints;
    }

    /// <param name="accessToken">The token the call needs: the Marketing Messages token, or the Page's for the unsubscribe (as Meta's pages say).</param>
    private static async Task<IResult> AnswerAsync(HttpRequest request, string? accessToken, Func<JsonObject, LocalGraphAnswer> answer, bool readBody = true)
    {
        var token = request.Headers.Authorization.ToString() is { Length: > 7 } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header[7..]
            : request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(accessToken) || !string.Equals(token, accessToken, StringComparison.Ordinal))
        {
            return Json(new LocalGraphAnswer(400, Error(190, "Invalid OAuth access token.")));
        }

        var body = new JsonObject();
        if (readBody)
        {
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false) as JsonObject
                    ?? throw new JsonException("not an object");
            }
            catch (JsonException e)
            {
                return Json(new LocalGraphAnswer(400, Error(100, $"(#100) The body is not a JSON object: {e.Message}")));
            }
        }

        return Json(answer(body));
    }

    private static JsonObject Error(int code, string message) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = code, ["fbtrace_id"] = "local-graph" } };

    private static IResult Json(LocalGraphAnswer answer) =>
        Results.Content(answer.Body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, answer.Status);
}
