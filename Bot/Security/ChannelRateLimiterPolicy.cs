using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Security;

/// <summary>
/// The rate limiter policy of the channel endpoints (/api/messages, /api/messenger): a sliding window
/// per client address (<see cref="RateLimitOptions.Channels"/>), off for loopback and when the limit is 0.
/// </summary>
public sealed class ChannelRateLimiterPolicy(IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "channels";

    private const string Unlimited = "unlimited";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected =>
        (context, cancellationToken) => RateLimitRejection.RejectAsync(context, Name, options.Value.Channels.Window, cancellationToken);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limit = options.Value.Channels;
        if (limit.PermitLimit == 0 || ClientAddress.IsLoopback(httpContext))
        {
            return RateLimitPartition.GetNoLimiter(Unlimited);
        }

        return RateLimitPartition.GetSlidingWindowLimiter(ClientAddress.PartitionKey(httpContext), _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            SegmentsPerWindow = 10,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
