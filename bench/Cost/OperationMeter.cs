using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bench.Cost;

/// <summary>
/// Every document operation the host's Cosmos DB client sends, recorded at the client as the tests'
/// counter does (Bot.Tests/Storage/Cosmos/CosmosOperationCounter.cs), with what a bill depends on:
/// the bytes each way and the charge the server reports. The SDK's own reads of the account,
/// containers and partition ranges are left out: they are metadata, cached by the client.
/// </summary>
internal sealed class OperationMeter : RequestHandler
{
    private readonly ConcurrentQueue<MeteredOperation> _operations = new();

    /// <summary>How many operations so far: a unit of work's window starts here.</summary>
    public int Count => _operations.Count;

    public IReadOnlyList<MeteredOperation> Since(int start) => [.. _operations.Skip(start)];

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri?.OriginalString ?? string.Empty;

        // Before the send: the SDK may consume the body's stream.
        var requestBytes = request.Content is { CanSeek: true } body ? body.Length : 0;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!IsDocumentOperation(request, path))
        {
            return response;
        }

        var responseBytes = await ResponseBytesAsync(response, cancellationToken).ConfigureAwait(false);
        var items = int.TryParse(response.Headers["x-ms-item-count"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
        _operations.Enqueue(new MeteredOperation(ContainerOf(path), KindOf(request, path, response.StatusCode), (int)response.StatusCode, requestBytes, responseBytes, response.Headers.RequestCharge, items, path));
        return response;
    }

    /// <summary>The body's length; a stream that cannot tell is buffered (and handed back) so it can.</summary>
    private static async Task<long> ResponseBytesAsync(ResponseMessage response, CancellationToken cancellationToken)
    {
        switch (response.Content)
        {
            case null:
                return 0;
            case { CanSeek: true } seekable:
                return seekable.Length;
            default:
                var buffer = new MemoryStream();
                await response.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                response.Content = buffer;
                return buffer.Length;
        }
    }

    /// <summary>Documents, and creates, upserts and batches (posted to the container itself); not reads of containers and partition ranges.</summary>
    private static bool IsDocumentOperation(RequestMessage request, string path) =>
        path.Contains("/docs", StringComparison.Ordinal)
        || (request.Method == HttpMethod.Post && path.Contains("/colls/", StringComparison.Ordinal) && !path.Contains("/pkranges", StringComparison.Ordinal));

    private static string KindOf(RequestMessage request, string path, HttpStatusCode status)
    {
        var isDocument = !path.TrimEnd('/').EndsWith("/docs", StringComparison.Ordinal);
        return request.Method.Method switch
        {
            "GET" when isDocument && status == HttpStatusCode.NotFound => OperationKinds.ReadAbsent,
            "GET" when isDocument => OperationKinds.Read,
            "GET" => OperationKinds.ReadFeed,
            "POST" when request.Headers["x-ms-cosmos-is-query-plan-request"] is not null => OperationKinds.QueryPlan,
            "POST" when request.Headers["x-ms-documentdb-isquery"] == "True" => OperationKinds.Query,
            "POST" when request.Headers["x-ms-documentdb-is-upsert"] == "True" => OperationKinds.Upsert,
            "POST" when request.Headers["x-ms-cosmos-is-batch-request"] is not null => OperationKinds.Batch,

            // A create is posted to the container's path (dbs/x/colls/y), not to .../docs.
            "POST" => OperationKinds.Create,
            "PUT" => OperationKinds.Replace,
            "PATCH" => OperationKinds.Patch,
            "DELETE" => OperationKinds.Delete,
            _ => request.Method.Method,
        };
    }

    private static string ContainerOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var colls = Array.IndexOf(segments, "colls");
        return colls >= 0 && colls + 1 < segments.Length ? segments[colls + 1] : string.Empty;
    }
}
