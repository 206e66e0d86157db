namespace ConversationBot.Notifications.OptIns;

/// <summary><c>Notifications:OptIns</c>: our own limits on asking, on top of the platform's.</summary>
public sealed class OptInPolicyOptions
{
    /// <summary>
    /// Our cooldown before asking the same customer about the same topic or title again, on every
    /// channel. The profile's platform limit applies too; the longer one wins.
    /// </summary>
    public TimeSpan SameTitleCooldown { get; set; } = TimeSpan.FromDays(14);

    /// <summary>After "Not now" (or a stop), how long the topic is not offered again; longer than <see cref="SameTitleCooldown"/>.</summary>
    public TimeSpan DeclineCooldown { get; set; } = TimeSpan.FromDays(60);

    /// <summary>At most this many opt-in requests per customer per calendar day (customer's timezone).</summary>
    public int DailyCap { get; set; } = 1;

    public IEnumerable<string> Problems(string section)
    {
        if (SameTitleCooldown < TimeSpan.Zero)
        {
            yield return $"{section}:SameTitleCooldown must not be negative";
        }

        if (DeclineCooldown < SameTitleCooldown)
        {
            yield return $"{section}:DeclineCooldown ({DeclineCooldown}) must be at least SameTitleCooldown ({SameTitleCooldown})";
        }

        if (DailyCap < 1)
        {
            yield return $"{section}:DailyCap must be at least 1";
        }
    }
}
