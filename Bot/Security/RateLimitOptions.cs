namespace ConversationBot.Bot.Security;

/// <summary>The per-address rate limits (docs/security.md).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>
    /// Failed admin authentications (and later the console's failed sign-ins) per address: after
    /// this many, every request from the address that needs a credential gets 429 with Retry-After
    /// until the window ends, a right key included, so guessing cannot continue. Successful calls use no permit.
    /// </summary>
    public RateLimit FailedCredentials { get; init; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Requests to /api/messages and /api/messenger per address (a sliding window): far above what a
    /// channel's connector sends from one address, low enough to cut off a flood. 0 turns it off.
    /// Loopback addresses are never limited (the Emulator, a proxy on the same machine).
    /// </summary>
    public RateLimit Channels { get; init; } = new() { PermitLimit = 3000, Window = TimeSpan.FromSeconds(10) };

    public IEnumerable<string> Problems()
    {
        if (FailedCredentials.PermitLimit < 1)
        {
            yield return $"{SectionName}:{nameof(FailedCredentials)}:{nameof(RateLimit.PermitLimit)} must be at least 1.";
        }

        if (Channels.PermitLimit < 0)
        {
            yield return $"{SectionName}:{nameof(Channels)}:{nameof(RateLimit.PermitLimit)} must be 0 (off) or more.";
        }

        foreach (var (name, limit) in new[] { (nameof(FailedCredentials), FailedCredentials), (nameof(Channels), Channels) })
        {
            if (limit.Window <= TimeSpan.Zero || limit.Window > TimeSpan.FromDays(1))
            {
                yield return $"{SectionName}:{name}:{nameof(RateLimit.Window)} must be positive and at most a day.";
            }
        }
    }
}
