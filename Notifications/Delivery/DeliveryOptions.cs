namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// <c>Delivery</c>: how the domain works a campaign's pages. The defaults suit one small instance.
/// The host's own delivery settings (polling, schedule grace, the page's send rate, on/off) share the
/// section but live with the host (<c>Bot/Delivery/DeliveryHostOptions.cs</c>).
/// </summary>
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

    /// <summary>
    /// How long a page restricted from sending without an end the platform names is put off. (Before
    /// campaigns were split into work items this was the lease on the whole campaign, hence the name.)
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The lease on one work item (and on a campaign while one instance starts it), renewed every third of
    /// it while the item is worked. A dead instance's item is free this long after its last renewal at most;
    /// with the host's poll (every third of this while a campaign runs) another instance takes it within
    /// about 1⅓ of this: 20 s with the default.
    /// </summary>
    public TimeSpan ItemLeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a campaign is held when Marketing Messages said its budget is spent, our request is
    /// wrong or the account cannot send (no end Meta names): everyone left stays pending, and the
    /// campaign is tried again after this, not sooner, so a spent budget is not asked about every few seconds.
    /// </summary>
    public TimeSpan HeldCampaignRecheck { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Marketing Messages tokens refused as invalid in one step of a page, with none accepted, from which the
    /// access token is suspected instead of the people: nobody is retired and the campaign is held.
    /// </summary>
    public int TokenRefusalsBeforeSuspectingAccess { get; set; } = 5;

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

        if (TokenRefusalsBeforeSuspectingAccess is < 2 or > 1000)
        {
            yield return $"{SectionName}:TokenRefusalsBeforeSuspectingAccess must be between 2 and 1000";
        }

        if (MaxAttempts is < 1 or > 20)
        {
            yield return $"{SectionName}:MaxAttempts must be between 1 and 20";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(MaxRetryWait), MaxRetryWait), (nameof(LeaseDuration), LeaseDuration), (nameof(HeldCampaignRecheck), HeldCampaignRecheck),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{SectionName}:{name} must be positive";
            }
        }

        if (ItemLeaseDuration < TimeSpan.FromSeconds(1) || ItemLeaseDuration > TimeSpan.FromMinutes(10))
        {
            yield return $"{SectionName}:ItemLeaseDuration must be between 1 second and 10 minutes";
        }

        // A restricted page with no end named is put off for LeaseDuration: at least as long as a send's own retries may wait.
        if (MaxRetryWait * Math.Max(1, MaxAttempts - 1) * 2 > LeaseDuration)
        {
            yield return $"{SectionName}:LeaseDuration must be at least twice MaxRetryWait x (MaxAttempts - 1), so a page finishes inside its lease";
        }
    }
}
