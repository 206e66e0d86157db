using System.Collections.Concurrent;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// Test code only: counts the requests a Cosmos DB client sends, by container and kind (read, create,
/// replace, delete, upsert, query), from the moment <see cref="Start"/> is called. The test server
/// charges 1 RU for everything, so what a code path costs is measured here as operations; the RU each
/// kind costs on Azure is in docs/cosmos-db.md.
/// </summary>
public sealed class CosmosOperationCounter : RequestHandler
{
    private readonly ConcurrentQueue<(string Container, string Kind)> _operations = new();
    private volatile bool _started;

    public void Start() => _started = true;

    /// <summary>How many operations of <paramref name="kind"/> went to <paramref name="container"/>.</summary>
    public int Count(string container, string kind) => _operations.Count(o => o.Container == container && o.Kind == kind);

    /// <summary>Point operations (everything but queries) on these containers.</summary>
    public int PointOperations(params string[] containers) => _operations.Count(o => containers.Contains(o.Container) && o.Kind != "query");

    public override string ToString() =>
        string.Join(", ", _operations.GroupBy(o => $"{o.Kind} {o.Container}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));

    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_started)
        {
            _operations.Enqueue((ContainerOf(request.RequestUri), KindOf(request)));
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static string KindOf(RequestMessage request)
    {
        if (request.Method == HttpMethod.Get)
        {
            return "read";
        }

        if (request.Method == HttpMethod.Put)
        {
            return "replace";
        }

        if (request.Method == HttpMethod.Delete)
        {
            return "delete";
        }

        // A query and a create are both POSTs to the documents; the SDK marks the query and the upsert.
        return string.Equals(request.Headers["x-ms-documentdb-isquery"], "True", StringComparison.OrdinalIgnoreCase) ? "query"
            : string.Equals(request.Headers["x-ms-documentdb-is-upsert"], "True", StringComparison.OrdinalIgnoreCase) ? "upsert"
            : "create";
    }

    private static string ContainerOf(Uri? uri)
    {
        var segments = (uri?.OriginalString ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var colls = Array.IndexOf(segments, "colls");
        return colls >= 0 && colls + 1 < segments.Length ? segments[colls + 1] : string.Empty;
    }
}
