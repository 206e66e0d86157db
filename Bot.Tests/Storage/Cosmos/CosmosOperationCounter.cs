using System.Collections.Concurrent;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// Test code only: every document operation a Cosmos DB client sends, as the service sees it:
/// container, kind (read, read-feed, create, replace, upsert, patch, delete, query, batch) and status.
/// Added to the client's handlers in a test, it tells what a unit of work costs without a proxy; the
/// test server charges 1 RU for everything, so cost is measured here as operations (the RU each kind
/// costs on Azure: docs/cosmos-db.md).
/// </summary>
public sealed class CosmosOperationCounter : RequestHandler
{
    private readonly ConcurrentQueue<CosmosOperation> _operations = new();

    private volatile int _start;

    public IReadOnlyList<CosmosOperation> Operations => [.. _operations];

    /// <summary>From now on: <see cref="Count"/>, <see cref="PointOperations"/> and <see cref="ToString"/> see only what follows.</summary>
    public void Start() => _start = _operations.Count;

    /// <summary>How many operations of <paramref name="kind"/> went to <paramref name="container"/> since <see cref="Start"/>.</summary>
    public int Count(string container, string kind) => Since().Count(o => o.Container == container && o.Kind == kind);

    /// <summary>Point operations (everything but queries and feeds) on these containers since <see cref="Start"/>.</summary>
    public int PointOperations(params string[] containers) => Since().Count(o => containers.Contains(o.Container) && o.Kind is not ("query" or "read-feed"));

    public override string ToString() =>
        string.Join(", ", Since().GroupBy(o => $"{o.Kind} {o.Container}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));

    private IEnumerable<CosmosOperation> Since() => _operations.Skip(_start);

    /// <summary>The operations from now on, for a unit of work: <c>using var turn = counter.Measure();</c>.</summary>
    public Window Measure() => new(this, _operations.Count);

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var path = request.RequestUri?.OriginalString ?? string.Empty;
        if (IsDocumentOperation(request, path))
        {
            _operations.Enqueue(new CosmosOperation(ContainerOf(path), KindOf(request, path), (int)response.StatusCode, path));
        }

        return response;
    }

    /// <summary>Documents, and batches (posted to the container itself); not the SDK's own reads of containers and partition ranges.</summary>
    private static bool IsDocumentOperation(RequestMessage request, string path) =>
        path.Contains("/docs", StringComparison.Ordinal)
        || (request.Method == HttpMethod.Post && path.Contains("/colls/", StringComparison.Ordinal) && !path.Contains("/pkranges", StringComparison.Ordinal));

    private static string KindOf(RequestMessage request, string path)
    {
        var isDocument = !path.TrimEnd('/').EndsWith("/docs", StringComparison.Ordinal);
        return request.Method.Method switch
        {
            "GET" when isDocument => "read",
            "GET" => "read-feed",
            "POST" when request.Headers["x-ms-documentdb-isquery"] == "True" || request.Headers["x-ms-cosmos-is-query-plan-request"] is not null => "query",
            "POST" when request.Headers["x-ms-documentdb-is-upsert"] == "True" => "upsert",
            "POST" when request.Headers["x-ms-cosmos-is-batch-request"] is not null => "batch",
            "POST" => "create",
            "PUT" => "replace",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => request.Method.Method,
        };
    }

    private static string ContainerOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var colls = Array.IndexOf(segments, "colls");
        return colls >= 0 && colls + 1 < segments.Length ? segments[colls + 1] : string.Empty;
    }

    public sealed class Window(CosmosOperationCounter counter, int start)
    {
        public IReadOnlyList<CosmosOperation> Operations => [.. counter._operations.Skip(start)];

        public int Reads => Operations.Count(o => o.Kind is "read" or "read-feed" or "query");

        public int Writes => Operations.Count(o => o.Kind is "create" or "replace" or "upsert" or "patch" or "delete" or "batch");

        public override string ToString() => string.Join("\n", Operations.Select(o => $"{o.Kind} {o.Container} {o.Status} {o.Path}"));
    }
}

/// <summary>One document operation: its container, kind and the service's status code.</summary>
public sealed record CosmosOperation(string Container, string Kind, int Status, string Path);
