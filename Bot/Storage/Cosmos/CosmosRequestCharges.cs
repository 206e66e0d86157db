using System.Diagnostics.Metrics;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Counts the request units every Cosmos DB response reports (<c>x-ms-request-charge</c>), per
/// container and HTTP method, as the metric <see cref="InstrumentName"/> on meter <see cref="MeterName"/>:
/// what the bot costs is then visible in any metrics pipeline (OpenTelemetry, dotnet-counters) without
/// a line of logging per request.
/// </summary>
public sealed class CosmosRequestCharges : RequestHandler
{
    public const string MeterName = "ConversationBot.Cosmos";
    public const string InstrumentName = "cosmos.request_units";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<double> Units = Meter.CreateCounter<double>(InstrumentName, "RU", "Request units charged by Cosmos DB");

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Units.Enabled && response.Headers.RequestCharge > 0)
        {
            Units.Add(
                response.Headers.RequestCharge,
                new KeyValuePair<string, object?>("container", ContainerOf(request.RequestUri)),
                new KeyValuePair<string, object?>("method", request.Method.Method));
        }

        return response;
    }

    /// <summary>The collection in a resource path such as <c>dbs/x/colls/state/docs/y</c>; empty for account and database requests.</summary>
    private static string ContainerOf(Uri? uri)
    {
        var segments = (uri?.OriginalString ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var colls = Array.IndexOf(segments, "colls");
        return colls >= 0 && colls + 1 < segments.Length ? segments[colls + 1] : string.Empty;
    }
}
