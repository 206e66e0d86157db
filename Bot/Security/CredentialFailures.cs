using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Security;

/// <summary>
/// Failed credential checks per client address, in a fixed window (<see cref="RateLimitOptions.FailedCredentials"/>).
/// Only failures take a permit (<see cref="Record"/>); <see cref="Check"/> asks for none and so only
/// tells whether the address still has some. ASP.NET Core's rate limiter middleware calls
/// <see cref="Check"/> before the endpoint runs (<see cref="FailedCredentialsRateLimiterPolicy"/>),
/// and the credential check calls <see cref="Record"/> when a key is wrong.
/// </summary>
public sealed class CredentialFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public CredentialFailures(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.FailedCredentials;
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>A lease that succeeds while the address has failures left in this window; a failed one carries Retry-After.</summary>
    public RateLimitLease Check(string address) => _failures.AttemptAcquire(address, 0);

    /// <summary>One failed credential check from <paramref name="address"/>.</summary>
    public void Record(string address) => _failures.AttemptAcquire(address, 1).Dispose();

    public void Dispose() => _failures.Dispose();
}
