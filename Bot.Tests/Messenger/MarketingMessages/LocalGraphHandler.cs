using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// The local stand-in behind an <see cref="HttpMessageHandler"/>: the Marketing Messages client's calls
/// reach it without a socket, by the same paths as <c>/local-graph</c> (the base URL is <c>http://host/graph</c>: two segments before the edge) (Bot/Messenger/MarketingMessages/LocalGraph/LocalGraphEndpoints.cs).
/// Counts the calls, and can fail the next ones with no answer at all.
/// </summary>
public sealed class LocalGraphHandler(LocalMarketingMessagesGraph graph, string accessToken) : HttpMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    /// <summary>Every call's method and path, in order.</summary>
    public List<string> Log { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var path = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
        lock (Log)
        {
            Log.Add($"{request.Method} /{string.Join('/', path.Skip(2))}");
        }

        if (request.Headers.Authorization?.Parameter != accessToken)
        {
            return Answer(new LocalGraphAnswer(400, new JsonObject { ["error"] = new JsonObject { ["message"] = "Invalid OAuth access token.", ["code"] = 190 } }));
        }

        var body = request.Content is null ? [] : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken)) as JsonObject ?? [];
        var answer = (request.Method.Method, path.Skip(2).ToArray()) switch
        {
            ("POST", [var act, "message_campaign"]) => graph.CreateCampaign(act[4..], body),
            ("POST", [var act, "messages"]) => graph.Send(act[4..], body),
            ("GET", [var act, "ads"]) => graph.ListAds(act[4..]),
            ("POST", [var campaign]) => graph.UpdateCampaign(campaign, body),
            ("GET", [var campaign, "insights"]) => graph.Insights(campaign),
            _ => new LocalGraphAnswer(404, new JsonObject { ["error"] = new JsonObject { ["message"] = "unknown path", ["code"] = 803 } }),
        };
        return Answer(answer);
    }

    private static HttpResponseMessage Answer(LocalGraphAnswer answer) =>
        new((HttpStatusCode)answer.Status) { Content = new StringContent(answer.Body.ToJsonString(), Encoding.UTF8, "application/json") };
}
