using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// Test code only: fills two gaps of the local <c>@vercel/cosmosdb-server</c> (environment.md,
/// "Cosmos DB you can run here"), so the production code runs against it unchanged.
/// 1. It has no query-plan endpoint: the plan request is answered here with "one range, nothing to
///    rewrite", and the SDK then sends the query itself, which the server runs.
/// 2. A point read of a missing document answers 500 instead of 404 unless the request carries the
///    cross-partition header, which is added to document reads.
/// 3. It numbers databases and containers in sequence, and some numbers (the 63rd database, for one)
///    give a resource id with a '/' in it, which its own router then cannot find: every query with a
///    partition key fails with 404 "stale cache". Such a database or container is deleted and
///    created again at once, under the next number.
/// </summary>
public sealed class CosmosTestServerWorkarounds : DelegatingHandler
{
    private const string QueryPlan = """{"queryInfo":{},"queryRanges":[{"min":"","max":"FF","isMinInclusive":true,"isMaxInclusive":false}]}""";

    public CosmosTestServerWorkarounds()
        : base(new SocketsHttpHandler())
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("x-ms-cosmos-is-query-plan-request", out var values) && values.Any(v => v.Equals("True", StringComparison.OrdinalIgnoreCase)))
        {
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(QueryPlan, Encoding.UTF8, "application/json"),
            };
        }

        if (request.Method == HttpMethod.Get && IsDocumentRead(request.RequestUri))
        {
            request.Headers.TryAddWithoutValidation("x-ms-documentdb-query-enablecrosspartition", "True");
        }

        if (request.Method == HttpMethod.Post && IsDatabaseOrContainerCreate(request.RequestUri) && request.Content is not null)
        {
            return await CreateWithUsableIdAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> CreateWithUsableIdAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var name = JsonNode.Parse(body)?["id"]?.GetValue<string>();
        for (var attempt = 1; ; attempt++)
        {
            using var create = Copy(request, HttpMethod.Post, request.RequestUri!, body);
            var response = await base.SendAsync(create, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Created || name is null || attempt == 10)
            {
                return response;
            }

            var created = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var rid = JsonNode.Parse(created)?["_rid"]?.GetValue<string>();
            if (rid is null || !rid.Contains('/', StringComparison.Ordinal))
            {
                var buffered = new ByteArrayContent(created);
                foreach (var header in response.Content.Headers)
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content = buffered;
                return response;
            }

            response.Dispose();
            using var delete = Copy(request, HttpMethod.Delete, new Uri(request.RequestUri!, request.RequestUri!.AbsolutePath.TrimEnd('/') + "/" + Uri.EscapeDataString(name)), null);
            using var deleted = await base.SendAsync(delete, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, HttpMethod method, Uri uri, byte[]? body)
    {
        var copy = new HttpRequestMessage(method, uri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    // POST /dbs, POST /dbs/{db}/colls.
    private static bool IsDatabaseOrContainerCreate(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Trim('/').Split('/') ?? [];
        return (segments.Length == 1 && segments[0] == "dbs") || (segments.Length == 3 && segments[0] == "dbs" && segments[2] == "colls");
    }

    private static bool IsDocumentRead(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Trim('/').Split('/') ?? [];
        return segments.Length == 6 && segments[4] == "docs";
    }
}
