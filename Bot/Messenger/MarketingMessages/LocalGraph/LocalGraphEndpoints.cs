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

        var graph = endpoints.ServiceProvider.GetRequiredService<LocalMarketingMessagesGraph>();
        endpoints.MapLocalGraphRoutes(graph, options.AccessToken, messenger.PageAccessToken);

        // The estimate counts the bot's own subscribers (LocalGraphAudience reads its store), so it is served only
        // where the stand-in runs inside the bot.
        var estimates = endpoints.MapGroup(Prefix).ExcludeFromDescription();
        RecordRequests(estimates, graph);
        estimates.MapGet("/act_{account}/message_delivery_estimate", async (string account, HttpRequest request, LocalGraphAudience audience) =>
        {
            var tokens = await audience.TokensAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            return await AnswerAsync(request, options.AccessToken, _ => graph.Estimate(tokens, Query(request, "lifetime_budget"), Query(request, "daily_budget")), readBody: false).ConfigureAwait(false);
        });
        return endpoints;
    }

    /// <summary>Every call the stand-in receives is noted (<see cref="LocalMarketingMessagesGraph.Requests"/>), so a test can say Meta was asked nothing.</summary>
    private static void RecordRequests(RouteGroupBuilder group, LocalMarketingMessagesGraph graph) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            graph.Requests.Enqueue($"{request.Method} {request.Path}");
            return await next(context).ConfigureAwait(false);
        });

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
        RecordRequests(group, graph);
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

    /// <summary>A whole-number query parameter; <c>null</c> when absent, and -1 when it is no number (the estimate refuses it as Meta does).</summary>
    private static long? Query(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } text
            ? long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1
            : null;

    private static JsonObject Error(int code, string message) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = code, ["fbtrace_id"] = "local-graph" } };

    private static IResult Json(LocalGraphAnswer answer) =>
        Results.Content(answer.Body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, answer.Status);
}
