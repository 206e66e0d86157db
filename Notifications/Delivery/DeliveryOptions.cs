namespace ConversationBot.Notifications.Delivery;

/// <summary><c>Delivery</c>: how campaigns are worked. The defaults suit one small instance.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Subscribers read, claimed and recorded together; memory grows with this, not with the topic.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Sends in flight at once within a page.</summary>
    public int MaxParallelSends { get; set; } = 16;

    /// <summary>Attempts per subscriber for transient failures (429, 5xx, time-outs), the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest one wait between attempts; a longer Retry-After is cut to this, so a page stays within its lease.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a campaign stays with an instance that stops renewing (it renews after every page).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the service looks for due campaigns and schedule firings when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A schedule occurrence missed by more than this (the bot was down) is not fired late.</summary>
    public TimeSpan MissedFiringGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Messenger sends per second for the page (Meta's rate limits are per page); 0 means unlimited.</summary>
    public int MessengerSendsPerSecond { get; set; } = 250;

    /// <summary>Off: no campaign is worked by this instance (the admin API still creates them).</summary>
    public bool Enabled { get; set; } = true;

    public IEnumerable<string> Problems()
    {
        if (PageSize is < 1 or > 1000)
        {
            yield return $"{SectionName}:PageSize must be between 1 and 1000";
        }

        if (MaxParallelSends is < 1 or > 256)
        {
            yield return $"{SectionName}:MaxParallelSends must be between 1 and 256";
        }

        if (MaxAttempts is < 1 or > 20)
        {
            yield return $"{SectionName}:MaxAttempts must be between 1 and 20";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(MaxRetryWait), MaxRetryWait), (nameof(LeaseDuration), LeaseDuration), (nameof(PollInterval), PollInterval), (nameof(MissedFiringGrace), MissedFiringGrace),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{SectionName}:{name} must be positive";
            }
        }

        // A page waits at most (attempts - 1) retry waits; it must finish well inside the lease it renews.
        if (MaxRetryWait * Math.Max(1, MaxAttempts - 1) * 2 > LeaseDuration)
        {
            yield return $"{SectionName}:LeaseDuration must be at least twice MaxRetryWait x (MaxAttempts - 1), so a page finishes inside its lease";
        }

        if (MessengerSendsPerSecond < 0)
        {
            yield return $"{SectionName}:MessengerSendsPerSecond must be 0 (unlimited) or positive";
        }
    }
}
