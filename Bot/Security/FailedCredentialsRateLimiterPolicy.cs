using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Security;

/// <summary>
/// The rate limiter policy of endpoints behind a credential (the admin API; the console's sign-in
/// will use it too): an address that failed <see cref="RateLimitOptions.FailedCredentials"/> times in
/// the window gets 429 with Retry-After before its credential is even looked at. The credential check
/// records each failure in <see cref="CredentialFailures"/>; successful calls are not counted.
/// </summary>
public sealed class FailedCredentialsRateLimiterPolicy(CredentialFailures failures, IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "failed-credentials";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected =>
        (context, cancellationToken) => RateLimitRejection.RejectAsync(context, "failed_credentials", options.Value.FailedCredentials.Window, cancellationToken);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var address = ClientAddress.PartitionKey(httpContext);
        return RateLimitPartition.Get(address, key => new CredentialFailureGate(failures, key));
    }
}
