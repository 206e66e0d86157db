using System.Threading.RateLimiting;

namespace ConversationBot.Bot.Security;

/// <summary>
/// The rate limiter the middleware sees for one address: it takes no permit of its own, it only asks
/// <see cref="CredentialFailures"/> whether the address may still try (so successful calls cost nothing).
/// </summary>
internal sealed class CredentialFailureGate(CredentialFailures failures, string address) : RateLimiter
{
    // Nothing is held here, so the partitioned limiter may drop and rebuild this gate at will.
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => failures.Check(address);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(failures.Check(address));
}
