using System.Globalization;
using System.Threading.RateLimiting;
using ConversationBot.Bot.Telemetry;
using Microsoft.AspNetCore.RateLimiting;

namespace ConversationBot.Bot.Security;

/// <summary>What every refused request gets: 429 with Retry-After in whole seconds, a warning in the log (path and address, never a body or a key) and a count.</summary>
public static partial class RateLimitRejection
{
    public static async ValueTask RejectAsync(OnRejectedContext context, string policy, TimeSpan fallbackRetryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var told) && told > TimeSpan.Zero ? told : fallbackRetryAfter;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

        var services = http.RequestServices;
        LogRejected(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection)), policy, http.Request.Method, http.Request.Path.Value ?? string.Empty, ClientAddress.PartitionKey(http), seconds);
        services.GetRequiredService<BotTelemetry>().RecordRateLimited(policy);

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(detail: $"Too many requests from this address; try again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(http).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit {Policy}: refused {Method} {Path} from {ClientAddress} with 429, retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, string policy, string method, string path, string clientAddress, int retryAfterSeconds);
}
