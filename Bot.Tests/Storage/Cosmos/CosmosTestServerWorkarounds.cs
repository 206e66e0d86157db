using System.Net;
using System.Text;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// Test code only: fills two gaps of the local <c>@vercel/cosmosdb-server</c> (environment.md,
/// "Cosmos DB you can run here"), so the production code runs against it unchanged.
/// 1. It has no query-plan endpoint: the plan request is answered here with "one range, nothing to
///    rewrite", and the SDK then sends the query itself, which the server runs.
/// 2. A point read of a missing document answers 500 instead of 404 unless the request carries the
///    cross-partition header, which is added to document reads.
/// </summary>
public sealed class CosmosTestServerWorkarounds : DelegatingHandler
{
    private const string QueryPlan = """{"queryInfo":{},"queryRanges":[{"min":"","max":"FF","isMinInclusive":true,"isMaxInclusive":false}]}""";

    public CosmosTestServerWorkarounds()
        : base(new SocketsHttpHandler())
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("x-ms-cosmos-is-query-plan-request", out var values) && values.Any(v => v.Equals("True", StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(QueryPlan, Encoding.UTF8, "application/json"),
            });
        }

        if (request.Method == HttpMethod.Get && IsDocumentRead(request.RequestUri))
        {
            request.Headers.TryAddWithoutValidation("x-ms-documentdb-query-enablecrosspartition", "True");
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static bool IsDocumentRead(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Trim('/').Split('/') ?? [];
        return segments.Length == 6 && segments[4] == "docs";
    }
}
