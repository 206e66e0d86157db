namespace ConversationBot.Bot.Delivery;

/// <summary>
/// The host's part of <c>Delivery</c>: whether this instance works campaigns, how often it looks for
/// work, how late a missed schedule may still fire, and the page's Messenger send rate. The domain's
/// part (page size, parallel sends, attempts, lease) is <c>Notifications/Delivery/DeliveryOptions.cs</c>.
/// </summary>
public sealed class DeliveryHostOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Off: no campaign is worked by this instance (the admin API still creates them).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the service looks for due campaigns and schedule firings when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A schedule occurrence missed by more than this (the bot was down) is not fired late.</summary>
    public TimeSpan MissedFiringGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Messenger sends per second for the page (Meta's rate limits are per page); 0 means unlimited.</summary>
    public int MessengerSendsPerSecond { get; set; } = 250;
}
